package io.ringbridge.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The sliding-window arithmetic shared by the in-memory and PostgreSQL limiters. */
class SlidingWindowTest {

    static final long MINUTE = 60_000;

    MutableClock clock = new MutableClock();
    SlidingWindowLimiter limiter = new LocalSlidingWindowLimiter(new RateLimit("t", 10, Duration.ofMinutes(1)), clock);

    @Test
    void aFreshKeyGetsExactlyTheLimitInItsFirstWindow() {
        for (int i = 1; i <= 10; i++) {
            RateDecision decision = limiter.acquire("k");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(10 - i);
        }
        RateDecision denied = limiter.acquire("k");

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remaining()).isZero();
        assertThat(denied.retryAfter()).isPositive();
    }

    @Test
    void deniedEventsAreNotCounted() {
        for (int i = 0; i < 50; i++) {
            limiter.acquire("k");
        }
        // All ten counted events are in the first window: half a window later, half of them have slid out.
        clock.advance(MINUTE + MINUTE / 2);

        int allowed = 0;
        while (limiter.acquire("k").allowed()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void thePreviousWindowWeighsByTheShareStillInsideTheSlidingWindow() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("k");
        }
        clock.advance(MINUTE + MINUTE / 10); // 90% of the previous window still counts: 9 events

        assertThat(limiter.acquire("k").allowed()).isTrue();
        assertThat(limiter.acquire("k").allowed()).isFalse();
    }

    @Test
    void retryAfterPointsAtTheFirstMomentAnEventFits() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("k");
        }
        RateDecision denied = limiter.acquire("k");
        // Nothing fits before the next window starts and 10% of the old one has slid out.
        assertThat(denied.retryAfter()).isEqualTo(Duration.ofMillis(MINUTE + MINUTE / 10));

        clock.advance(denied.retryAfter().toMillis());
        assertThat(limiter.acquire("k").allowed()).isTrue();
    }

    @Test
    void afterTwoIdleWindowsTheWholeBudgetIsBack() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("k");
        }
        clock.advance(2 * MINUTE);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("k").allowed()).isTrue();
        }
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("a");
        }

        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
    }

    @Test
    void headersDescribeTheDecision() {
        RateDecision allowed = limiter.acquire("k");
        assertThat(allowed.headers()).containsEntry("X-RateLimit-Limit", "10").containsEntry("X-RateLimit-Remaining", "9")
                .doesNotContainKey("Retry-After");
        for (int i = 0; i < 9; i++) {
            limiter.acquire("k");
        }
        RateDecision denied = limiter.acquire("k");
        assertThat(denied.headers()).containsEntry("Retry-After", "66")
                .containsEntry("X-RateLimit-Reset", Long.toString(Instant.ofEpochMilli(clock.start + 2 * MINUTE).getEpochSecond()));
    }

    static final class MutableClock extends Clock {
        final long start = 1_800_000_000_000L;
        long now = start;

        void advance(long millis) {
            now += millis;
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
