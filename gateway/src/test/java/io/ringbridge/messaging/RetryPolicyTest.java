package io.ringbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    /** The defaults: 2 s doubling up to 10 min, 12 attempts. */
    private static final SendingProperties DEFAULTS = sending(Duration.ofSeconds(2), Duration.ofMinutes(10));

    @Test
    void firstRetryWaitsTheMinimumGiveOrTakeAFifth() {
        assertThat(samples(DEFAULTS, 1)).allSatisfy(ms -> assertThat(ms).isBetween(1_600L, 2_400L));
    }

    @Test
    void eachAttemptDoublesTheWait() {
        assertThat(samples(DEFAULTS, 2)).allSatisfy(ms -> assertThat(ms).isBetween(3_200L, 4_800L));
        assertThat(samples(DEFAULTS, 5)).allSatisfy(ms -> assertThat(ms).isBetween(25_600L, 38_400L)); // 2 s · 2^4
        assertThat(samples(DEFAULTS, 9)).allSatisfy(ms -> assertThat(ms).isBetween(409_600L, 614_400L)); // 2 s · 2^8
    }

    @Test
    void waitStopsGrowingAtTheMaximum() {
        // 2 s · 2^9 = 1024 s is past the 600 s cap, and so is every later attempt, the last one included.
        for (int attempt : new int[] {10, DEFAULTS.maxAttempts(), 64, Integer.MAX_VALUE}) {
            assertThat(samples(DEFAULTS, attempt)).allSatisfy(ms -> assertThat(ms).isBetween(480_000L, 720_000L));
        }
    }

    @Test
    void noAttemptYetCountsAsTheFirst() {
        assertThat(samples(DEFAULTS, 0)).allSatisfy(ms -> assertThat(ms).isBetween(1_600L, 2_400L));
        assertThat(samples(DEFAULTS, -3)).allSatisfy(ms -> assertThat(ms).isBetween(1_600L, 2_400L));
    }

    @Test
    void retriesOfOneMomentSpreadOut() {
        Set<Long> distinct = new HashSet<>(samples(DEFAULTS, 3));

        assertThat(distinct).hasSizeGreaterThan(100);
        assertThat(distinct).anyMatch(ms -> ms < 8_000).anyMatch(ms -> ms > 8_000);
    }

    @Test
    void waitIsNeverZero() {
        SendingProperties immediate = sending(Duration.ZERO, Duration.ofMinutes(10));

        assertThat(samples(immediate, 1)).containsOnly(1L);
    }

    @Test
    void largeMinimumDoesNotOverflow() {
        SendingProperties slow = sending(Duration.ofDays(1), Duration.ofDays(365));

        // 1 day · 2^20 (the largest shift) is past a year: capped at the year, not wrapped around.
        long year = Duration.ofDays(365).toMillis();
        assertThat(samples(slow, 40)).allSatisfy(ms -> assertThat(ms).isBetween(year * 8 / 10, year * 12 / 10));
    }

    private static List<Long> samples(SendingProperties properties, int attempts) {
        return IntStream.range(0, 500)
                .mapToObj(i -> RetryPolicy.delay(properties, attempts).toMillis()).toList();
    }

    private static SendingProperties sending(Duration retryMin, Duration retryMax) {
        return new SendingProperties(true, 256, 50, Duration.ofMinutes(2), Duration.ofSeconds(10), 12, retryMin, retryMax,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
