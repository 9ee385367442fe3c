package io.ringbridge.ringcentral;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * RingCentral's view of one (user, app, group) budget, from the {@code X-Rate-Limit-*} headers of an answer.
 * {@code null} fields mean the header was absent (then another kind of limit applied).
 */
public record RateLimitStatus(String group, Integer limit, Integer remaining, Duration window) {

    static RateLimitStatus from(HttpHeaders headers) {
        return new RateLimitStatus(headers.firstValue("X-Rate-Limit-Group").orElse(null),
                integer(headers, "X-Rate-Limit-Limit"), integer(headers, "X-Rate-Limit-Remaining"),
                seconds(headers, "X-Rate-Limit-Window"));
    }

    public boolean known() {
        return limit != null && remaining != null && window != null;
    }

    private static Integer integer(HttpHeaders headers, String name) {
        OptionalLong value = headers.firstValueAsLong(name);
        return value.isPresent() ? (int) value.getAsLong() : null;
    }

    private static Duration seconds(HttpHeaders headers, String name) {
        OptionalLong value = headers.firstValueAsLong(name);
        return value.isPresent() ? Duration.ofSeconds(value.getAsLong()) : null;
    }
}
