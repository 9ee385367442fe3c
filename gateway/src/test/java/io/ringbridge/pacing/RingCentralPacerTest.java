package io.ringbridge.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static io.ringbridge.ringcentral.RateLimitGroup.LIGHT;
import static io.ringbridge.ringcentral.RateLimitGroup.MEDIUM;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.ringbridge.pacing.RingCentralPacer.Grant;
import io.ringbridge.ringcentral.RateLimitDeferredException;
import io.ringbridge.ringcentral.RateLimitStatus;
import io.ringbridge.ringcentral.RingCentralException;
import io.ringbridge.ringcentral.RingCentralAnswers;
import io.ringbridge.ringcentral.RingCentralUnreachableException;

/** What a paced call records in the extension's window, whatever RingCentral made of the request. */
class RingCentralPacerTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final int LIMIT = 40;
    static final String TENANT = "tn_1";
    static final String EXTENSION = "101";

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RingCentralPacer pacer = new RingCentralPacer(new LocalPacingStore(0), Clock.fixed(NOW, ZoneOffset.UTC), meters);

    @Test
    void anAnswersHeadersAreRecorded() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 1);

        String answer = pacer.call(grant, () -> "accepted", accepted -> medium(LIMIT - 1));

        assertThat(answer).isEqualTo("accepted");
        // Until an answer says we are alone, only a few go at once; now the rest of the window may.
        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 100).slots()).isEqualTo(LIMIT - 1);
    }

    @Test
    void aRefusalsHeadersAreRecordedToo() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 1);
        RingCentralException refused = RingCentralAnswers.refused(400, medium(LIMIT - 1), null);

        assertThat(catchThrowable(() -> pacer.call(grant, () -> {
            throw refused;
        }, accepted -> null))).isSameAs(refused);

        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 100).slots()).isEqualTo(LIMIT - 1);
    }

    @Test
    void a429BlocksTheExtensionForItsRetryAfter() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 1);
        RingCentralException tooMany = RingCentralAnswers.refused(429, medium(0), Duration.ofSeconds(5));

        assertThat(catchThrowable(() -> pacer.call(grant, () -> {
            throw tooMany;
        }, accepted -> null))).isSameAs(tooMany);

        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 1).slots()).isZero();
        assertThat(pacer.nextSlot(TENANT, EXTENSION, MEDIUM)).isEqualTo(NOW.plusSeconds(5));
        assertThat(meters.counter("ringbridge.rc.rate_limited", "group", "medium").count()).isEqualTo(1);
        assertThat(RingCentralPacer.penalty(tooMany)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a429WithoutRetryAfterBlocksForAFullMinute() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 1);
        RingCentralException tooMany = RingCentralAnswers.refused(429, medium(0), null);

        catchThrowable(() -> pacer.call(grant, () -> {
            throw tooMany;
        }, accepted -> null));

        assertThat(pacer.nextSlot(TENANT, EXTENSION, MEDIUM)).isEqualTo(NOW.plusSeconds(60));
        assertThat(RingCentralPacer.penalty(tooMany)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRequestThatNeverReachedRingCentralGivesItsSlotBack() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 100);
        assertThat(grant.slots()).as("a few at once until RingCentral answers").isEqualTo(PacingWindow.SHARED_IN_FLIGHT);
        RingCentralUnreachableException notSent = RingCentralAnswers.unreachable(false);

        assertThat(catchThrowable(() -> pacer.call(grant, () -> {
            throw notSent;
        }, accepted -> null))).isSameAs(notSent);

        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 100).slots()).isEqualTo(1);
    }

    @Test
    void aRequestWhoseAnswerWasLostStaysCounted() {
        // RingCentral says two requests a window, one of them used: one slot left.
        Grant first = pacer.reserve(TENANT, EXTENSION, MEDIUM, 1);
        pacer.call(first, () -> "accepted", accepted -> new RateLimitStatus("Medium", 2, 1, Duration.ofSeconds(60)));
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 100);
        assertThat(grant.slots()).isEqualTo(1);
        RingCentralUnreachableException lost = RingCentralAnswers.unreachable(true);

        assertThat(catchThrowable(() -> pacer.call(grant, () -> {
            throw lost;
        }, accepted -> null))).isSameAs(lost);

        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 100).slots()).as("RingCentral may have counted it").isZero();
    }

    @Test
    void aLostAnswerStaysCountedButNoLongerHoldsAnInFlightPlace() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 100);
        int inFlight = grant.slots();
        RingCentralUnreachableException lost = RingCentralAnswers.unreachable(true);

        assertThat(catchThrowable(() -> pacer.call(grant, () -> {
            throw lost;
        }, accepted -> null))).isSameAs(lost);
        pacer.release(grant, inFlight - 1);

        assertThat(inFlight).as("few in flight while RingCentral has said nothing").isLessThan(10);
        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 100).slots()).isEqualTo(inFlight);
    }

    @Test
    void anAnswerWithoutRateLimitHeadersGivesItsSlotBack() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 100);

        pacer.call(grant, () -> "accepted", accepted -> new RateLimitStatus(null, null, null, null));

        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 100).slots()).isEqualTo(1);
    }

    @Test
    void releasedSlotsCanBeReservedAgain() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, MEDIUM, 100);

        pacer.release(grant, 3);

        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 100).slots()).isEqualTo(3);
    }

    @Test
    void aRequestMadeNowCountsAgainstItsGroupsWindow() {
        pacer.call(pacer.reserve(TENANT, EXTENSION, MEDIUM, 1), () -> "accepted", accepted -> medium(LIMIT - 1));

        String created = pacer.callNow(TENANT, EXTENSION, MEDIUM, () -> "subscription");

        assertThat(created).isEqualTo("subscription");
        assertThat(pacer.reserve(TENANT, EXTENSION, MEDIUM, 100).slots()).isEqualTo(LIMIT - 2);
    }

    @Test
    void noRequestIsMadeDuringItsGroupsPenaltyButOtherGroupsGoOn() {
        Grant grant = pacer.reserve(TENANT, EXTENSION, LIGHT, 1);
        catchThrowable(() -> pacer.call(grant, () -> {
            throw RingCentralAnswers.refused(429, new RateLimitStatus("Light", 50, 0, Duration.ofSeconds(60)),
                    Duration.ofSeconds(30));
        }, accepted -> null));
        AtomicInteger made = new AtomicInteger();

        Throwable deferred = catchThrowable(() -> pacer.callNow(TENANT, EXTENSION, LIGHT, made::incrementAndGet));

        assertThat(deferred).isInstanceOfSatisfying(RateLimitDeferredException.class, e -> {
            assertThat(e.group()).isEqualTo(LIGHT);
            assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(30));
        });
        assertThat(made).as("no request during the penalty").hasValue(0);
        assertThat(pacer.callNow(TENANT, EXTENSION, MEDIUM, made::incrementAndGet)).as("Medium has its own window").isEqualTo(1);
        assertThat(meters.counter("ringbridge.rc.rate_limited", "group", "light").count()).isEqualTo(1);
    }

    private static RateLimitStatus medium(int remaining) {
        return new RateLimitStatus("Medium", LIMIT, remaining, Duration.ofSeconds(60));
    }
}
