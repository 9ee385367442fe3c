package io.ringbridge.platform.limits;

/** Counts events per key against one {@link RateLimit}. */
public interface SlidingWindowLimiter {

    /** Counts one event for {@code key} if the limit allows it, and says whether it did. */
    RateDecision acquire(String key);

    /**
     * As {@link #acquire(String)}, against {@code limit} events per window instead of the configured number: for
     * budgets the operator sets per key. The counts are the same whatever the limit, so a changed limit applies to
     * the events already counted.
     */
    RateDecision acquire(String key, int limit);
}
