package io.ringbridge.simulator.admin;

import io.ringbridge.simulator.limits.RateLimitStats;
import java.util.List;
import java.util.Map;

/**
 * Observable counters.
 *
 * @param tokenRequests          token-endpoint requests per grant type
 * @param throttled              429 answers from the RingCentral rate limits
 * @param penaltyRestarts        requests made during a running penalty
 * @param rateLimits             per (user, app, group) detail
 * @param notificationsDelivered webhook notifications answered 2xx
 * @param notificationsFailed    webhook notifications that failed
 * @param messages               messages in all message stores
 * @param faultHits              requests hit by faults, keyed {@code operation:KIND}
 */
public record Counters(Map<String, Long> tokenRequests, long throttled, long penaltyRestarts,
                       List<RateLimitStats> rateLimits, long notificationsDelivered, long notificationsFailed,
                       int messages, Map<String, Long> faultHits) {

    public long tokenRequests(String grantType) {
        return tokenRequests.getOrDefault(grantType, 0L);
    }
}
