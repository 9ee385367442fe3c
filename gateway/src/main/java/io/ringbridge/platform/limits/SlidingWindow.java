package io.ringbridge.platform.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * The sliding-window counter: counts of the current and the previous fixed window, the previous one
 * weighted by how much of it still lies inside the sliding window. Windows start at a key's first event,
 * so a fresh key gets exactly {@code limit} events in its first window. Both limiter implementations share
 * this arithmetic; they differ only in where the counts live.
 *
 * @param windowStart start of the current fixed window, epoch millis
 */
record SlidingWindow(long windowStart, int previous, int current) {

    static SlidingWindow empty(long now) {
        return new SlidingWindow(now, 0, 0);
    }

    /** The counts as they stand at {@code now}: whole windows that went by shift the counts along. */
    SlidingWindow advancedTo(long now, long window) {
        long elapsed = now - windowStart;
        if (elapsed < window) {
            return this;
        }
        long start = windowStart + (elapsed / window) * window;
        return new SlidingWindow(start, elapsed < 2 * window ? current : 0, 0);
    }

    double estimate(long now, long window) {
        return previous * weight(now, window) + current;
    }

    boolean admits(long now, long window, int limit) {
        return estimate(now, window) + 1 <= limit;
    }

    SlidingWindow plusOne() {
        return new SlidingWindow(windowStart, previous, current + 1);
    }

    RateDecision decision(boolean allowed, long now, long window, int limit) {
        int remaining = (int) Math.max(0, Math.floor(limit - estimate(now, window)));
        long fullReset = current > 0 ? windowStart + 2 * window : previous > 0 ? windowStart + window : now;
        long retryAfter = allowed ? 0 : Math.max(0, nextAdmission(window, limit) - now);
        return new RateDecision(allowed, limit, remaining, Instant.ofEpochMilli(fullReset), Duration.ofMillis(retryAfter));
    }

    /** The earliest instant at which one more event fits, assuming nothing else is counted meanwhile. */
    private long nextAdmission(long window, int limit) {
        if (current + 1 <= limit) {
            // The previous window's weight has to shrink until previous × weight ≤ limit − 1 − current.
            double neededWeight = (limit - 1.0 - current) / previous;
            return windowStart + (long) Math.ceil(window * (1 - neededWeight));
        }
        // Not before the next window, where today's count becomes the weighted previous one.
        double neededWeight = (limit - 1.0) / current;
        return windowStart + window + (long) Math.ceil(window * (1 - neededWeight));
    }

    private double weight(long now, long window) {
        double elapsed = Math.max(0, now - windowStart);
        return Math.max(0, 1 - elapsed / window);
    }
}
