package io.ringbridge.ringcentral;

import java.time.Duration;
import java.util.Locale;

/**
 * RingCentral's throttling groups ({@code x-throttling-group} in its API description). Each (user, app, group) has
 * its own sliding window, so a penalty in one group does not stop requests of another; the defaults hold until an
 * answer's {@code X-Rate-Limit-*} headers say otherwise.
 */
public enum RateLimitGroup {
    /** Reads: the extension, its numbers, the message store, subscription lists. */
    LIGHT(50),
    /** SMS sends and subscription writes. */
    MEDIUM(40),
    /** Account-wide lists. */
    HEAVY(10),
    /** OAuth: token exchanges, refreshes, revocations. */
    AUTH(5);

    /** The window of every group, and the penalty after a 429 without {@code Retry-After}. */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    private final int defaultLimit;

    RateLimitGroup(int defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    /** Requests per window allowed until RingCentral's headers tell the real figure. */
    public int defaultLimit() {
        return defaultLimit;
    }

    /** The name RingCentral puts in {@code X-Rate-Limit-Group}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an answer's {@code X-Rate-Limit-Group} is about this group (an absent header is about none). */
    public boolean named(String header) {
        return header != null && header.equalsIgnoreCase(label());
    }
}
