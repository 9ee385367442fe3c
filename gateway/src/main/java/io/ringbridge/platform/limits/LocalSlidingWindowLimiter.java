package io.ringbridge.platform.limits;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Counts in this process's memory: exact for a single instance (the embedded H2 database allows only one). */
final class LocalSlidingWindowLimiter implements SlidingWindowLimiter {

    private final RateLimit limit;
    private final Clock clock;
    private final Cache<String, Counter> counters;

    LocalSlidingWindowLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        // After two idle windows a key's counts no longer matter, so its entry can go.
        this.counters = Caffeine.newBuilder().expireAfterAccess(limit.window().multipliedBy(2)).build();
    }

    @Override
    public RateDecision acquire(String key) {
        return acquire(key, limit.limit());
    }

    @Override
    public RateDecision acquire(String key, int limit) {
        return counters.get(key, k -> new Counter()).acquire(clock.millis(), this.limit.window().toMillis(),
                RateLimit.requirePositive(limit));
    }

    private static final class Counter {
        private SlidingWindow state;

        synchronized RateDecision acquire(long now, long window, int limit) {
            SlidingWindow current = state == null ? SlidingWindow.empty(now) : state.advancedTo(now, window);
            boolean allowed = current.admits(now, window, limit);
            state = allowed ? current.plusOne() : current;
            return state.decision(allowed, now, window, limit);
        }
    }
}
