package io.ringbridge.simulator.limits;

import java.time.Duration;

/**
 * One group's limit: {@code limit} requests per sliding {@code window}; a request over it starts a
 * {@code penalty} during which every request is refused and restarts the penalty.
 */
public record GroupLimit(int limit, Duration window, Duration penalty) {
    public GroupLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be > 0");
        }
        if (penalty == null || penalty.isNegative()) {
            throw new IllegalArgumentException("penalty must be >= 0");
        }
    }

    public static GroupLimit perMinute(int limit) {
        return new GroupLimit(limit, Duration.ofSeconds(60), Duration.ofSeconds(60));
    }
}
