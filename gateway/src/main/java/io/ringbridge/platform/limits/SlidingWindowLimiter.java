package io.ringbridge.platform.limits;

/** Counts events per key against one {@link RateLimit}. */
public interface SlidingWindowLimiter {

    /** Counts one event for {@code key} if the limit allows it, and says whether it did. */
    RateDecision acquire(String key);
}
