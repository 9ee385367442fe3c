package io.ringbridge.platform.limits;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.db.SoftStateDatabase;

/**
 * Makes limiters that hold across the deployment: in memory on the single-instance H2 setup, in PostgreSQL (on
 * the asynchronously committing soft-state pool) when instances share a database.
 */
@Component
public class RateLimiters {

    private final SoftStateDatabase softState;
    private final Clock clock;

    RateLimiters(SoftStateDatabase softState, Clock clock) {
        this.softState = softState;
        this.clock = clock;
    }

    public SlidingWindowLimiter create(RateLimit limit) {
        return softState.shared()
                .<SlidingWindowLimiter>map(shared -> new PostgresSlidingWindowLimiter(limit, clock, shared.jdbc()))
                .orElseGet(() -> new LocalSlidingWindowLimiter(limit, clock));
    }
}
