package io.ringbridge.platform.limits;

import java.time.Duration;

/** A limit: at most {@code limit} events in any {@code window} (sliding), counted per key. */
public record RateLimit(String name, int limit, Duration window) {
    public RateLimit {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive limit and window: " + name);
        }
    }

    static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive limit: " + limit);
        }
        return limit;
    }
}
