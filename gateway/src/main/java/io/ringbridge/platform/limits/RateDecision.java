package io.ringbridge.platform.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one attempt against a limit.
 *
 * @param remaining  how many more events the window takes right now
 * @param resetAt    when the whole budget is available again
 * @param retryAfter when denied, how long until the next event would be allowed
 */
public record RateDecision(boolean allowed, int limit, int remaining, Instant resetAt, Duration retryAfter) {

    /** {@code X-RateLimit-*}, plus {@code Retry-After} in whole seconds when denied. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(limit));
        headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
        headers.put("X-RateLimit-Reset", Long.toString(resetAt.getEpochSecond()));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds()));
        }
        return headers;
    }

    /**
     * Of two budgets a request counted against, the one to report: a refusal, else the one with less room left
     * (the one the caller will run into first).
     */
    public RateDecision tighter(RateDecision other) {
        if (!allowed || !other.allowed) {
            return allowed ? other : this;
        }
        return other.remaining < remaining ? other : this;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
