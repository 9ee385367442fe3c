package io.ringbridge.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: {@code retryMin · 2^(attempt−1)}, capped at {@code retryMax}, ±20 % so retries do
 * not march in step; never sooner than RingCentral's {@code Retry-After} when it gave one (asking earlier would be
 * refused again, and during a rate-limit penalty would restart it).
 */
final class RetryPolicy {

    private RetryPolicy() {
    }

    static Duration delay(SendingProperties properties, int attempts) {
        long base = properties.retryMin().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, properties.retryMax().toMillis());
        long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, capped + jitter));
    }

    static Duration delay(SendingProperties properties, int attempts, Optional<Duration> retryAfter) {
        Duration backoff = delay(properties, attempts);
        return retryAfter.filter(wait -> wait.compareTo(backoff) > 0).orElse(backoff);
    }
}
