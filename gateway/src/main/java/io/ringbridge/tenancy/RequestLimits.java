package io.ringbridge.tenancy;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.platform.limits.RateDecision;
import io.ringbridge.platform.limits.RateLimit;
import io.ringbridge.platform.limits.RateLimiters;
import io.ringbridge.platform.limits.SlidingWindowLimiter;

/** The API's request budgets, per deployment (shared through PostgreSQL when instances are). */
@Component
class RequestLimits {

    private final SlidingWindowLimiter appRequests;
    private final SlidingWindowLimiter tenantRequests;
    private final SlidingWindowLimiter adminRequests;
    private final SlidingWindowLimiter failedAuths;

    RequestLimits(RateLimiters limiters, RingBridgeProperties properties) {
        RingBridgeProperties.Limits limits = properties.limits();
        this.appRequests = limiters.create(new RateLimit("app", limits.appRequestsPerMinute(), Duration.ofMinutes(1)));
        this.tenantRequests = limiters.create(new RateLimit("tenant", limits.tenantRequestsPerMinute(),
                Duration.ofMinutes(1)));
        this.adminRequests = limiters.create(new RateLimit("admin", limits.adminRequestsPerMinute(), Duration.ofMinutes(1)));
        this.failedAuths = limiters.create(new RateLimit("auth-failures", limits.failedAuthsPerClient(),
                limits.failedAuthWindow()));
    }

    /** Counts a request against the app key's budget of {@code perMinute}. */
    RateDecision appRequest(String appId, int perMinute) {
        return appRequests.acquire(appId, perMinute);
    }

    /** Counts a request against the budget all the tenant's app keys share. */
    RateDecision tenantRequest(String tenantId, int perMinute) {
        return tenantRequests.acquire(tenantId, perMinute);
    }

    RateDecision adminRequest() {
        return adminRequests.acquire("admin");
    }

    /** Counts a failed authentication; the decision says whether the client has now used up its allowance. */
    RateDecision failedAuthentication(String clientIp) {
        return failedAuths.acquire(clientIp);
    }
}
