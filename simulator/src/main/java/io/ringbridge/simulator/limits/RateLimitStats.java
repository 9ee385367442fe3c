package io.ringbridge.simulator.limits;

/**
 * Observed counters of one (user, app, group) bucket.
 *
 * @param allowed         requests let through
 * @param throttled       requests answered 429
 * @param penaltyRestarts requests made during a running penalty (each restarted it)
 */
public record RateLimitStats(String extensionId, String clientId, String group, long allowed, long throttled,
                             long penaltyRestarts) {
}
