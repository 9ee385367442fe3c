package io.ringbridge.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pacing mirror's arithmetic (the end-to-end behaviour against the simulator is in the messaging tests). */
class PacingWindowTest {

    static final long WINDOW = 10_000;
    static final int LIMIT = 40;

    @Test
    void aFewRequestsGoFirstUntilRingCentralTellsWhoElseIsAtWork() {
        PacingWindow window = PacingWindow.fresh(LIMIT, 0);
        long t = 100_000;
        assertThat(window.reserve(t, 100)).isEqualTo(PacingWindow.SHARED_IN_FLIGHT);
        window.observe(t, t + 5, LIMIT, WINDOW, LIMIT - PacingWindow.SHARED_IN_FLIGHT);
        assertThat(window.reserve(t + 6, 100)).as("alone: the rest at once").isEqualTo(LIMIT - PacingWindow.SHARED_IN_FLIGHT);
        assertThat(window.reserve(t + 6 + 2 * WINDOW, 100)).as("a window later, nobody said anything since")
                .isEqualTo(PacingWindow.SHARED_IN_FLIGHT);
    }

    @Test
    void aloneTheWholeWindowMayGoAtOnce() {
        PacingWindow window = fresh();
        assertThat(window.reserve(1, 100)).isEqualTo(LIMIT);
        assertThat(window.reserve(2, 1)).isZero();
        assertThat(window.nextSlot(2)).as("answers outstanding: look again soon").isEqualTo(2 + PacingWindow.RECHECK_MS);
    }

    @Test
    void anotherClientsUseIsLeftRoomAndFewOfOurRequestsAreInFlight() {
        PacingWindow window = fresh();
        assertThat(window.reserve(0, 1)).isEqualTo(1);
        // RingCentral counts 11 against the user: ours and 10 by another client.
        window.observe(0, 10, LIMIT, WINDOW, LIMIT - 11);

        // 40 - 11 used - 5 kept for the other client = 24 free, but only 4 in flight at once.
        assertThat(window.reserve(20, 100)).isEqualTo(PacingWindow.SHARED_IN_FLIGHT);
        assertThat(window.reserve(21, 100)).isZero();
        assertThat(window.nextSlot(21)).isEqualTo(21 + PacingWindow.RECHECK_MS);
        int ours = 1 + PacingWindow.SHARED_IN_FLIGHT;
        for (int i = 0; i < PacingWindow.SHARED_IN_FLIGHT; i++) {
            window.observe(20, 30, LIMIT, WINDOW, null);
        }
        for (long now = 40; ; now++) {
            int slots = window.reserve(now, 100);
            if (slots == 0) {
                break;
            }
            assertThat(slots).isLessThanOrEqualTo(PacingWindow.SHARED_IN_FLIGHT);
            ours += slots;
            for (int i = 0; i < slots; i++) {
                window.observe(now, now, LIMIT, WINDOW, null);
            }
        }
        assertThat(ours).as("ours in the window").isEqualTo(LIMIT - 10 - 5);
        assertThat(window.nextSlot(200)).as("when the oldest entry leaves the window").isEqualTo(10 + WINDOW + 1);
    }

    @Test
    void theOtherClientsRoomGoesWithItsUse() {
        PacingWindow window = fresh();
        window.reserve(0, 1);
        window.observe(0, 10, LIMIT, WINDOW, LIMIT - 11);
        long later = 10 + WINDOW + 1;
        assertThat(window.reserve(later, 100)).as("first a few, to see").isEqualTo(PacingWindow.SHARED_IN_FLIGHT);
        for (int i = 0; i < PacingWindow.SHARED_IN_FLIGHT; i++) {
            window.observe(later, later + 5, LIMIT, WINDOW, LIMIT - 1 - i);
        }
        assertThat(window.reserve(later + 6, 100)).as("the other client stopped: all the rest")
                .isEqualTo(LIMIT - PacingWindow.SHARED_IN_FLIGHT);
    }

    @Test
    void afterAPenaltyOneRequestAtATimeUntilAnAnswerShowsItOver() {
        PacingWindow window = fresh();
        window.block(100, 5_000);
        assertThat(window.reserve(5_000, 100)).as("during the penalty").isZero();
        long over = 100 + 5_000 + 1;
        assertThat(window.reserve(over, 100)).isEqualTo(1);
        assertThat(window.reserve(over + 1, 100)).isZero();
        window.observe(over, over + 5, LIMIT, WINDOW, LIMIT - 1);
        assertThat(window.reserve(over + 6, 100)).isEqualTo(LIMIT - 1);
    }

    @Test
    void aPenaltyStillOnWhenItShouldHaveEndedIsWaitedOutOnceMoreEachTime() {
        PacingWindow window = fresh();
        long penalty = 5_000;
        window.block(100, penalty);
        long end = 100 + penalty;
        assertThat(window.nextSlot(end - 1)).isEqualTo(end);
        // A request of ours still in flight when the penalty began restarts it: waited out from then, once.
        window.block(1_000, penalty);
        end = 1_000 + penalty;
        assertThat(window.nextSlot(end - 1)).isEqualTo(end);

        // The one request after it draws another 429: another client kept the penalty going. Twice, then.
        assertThat(window.reserve(end, 100)).isEqualTo(1);
        window.block(end + 5, penalty);
        long second = end + 5 + 2 * penalty;
        assertThat(window.reserve(second - 1, 100)).isZero();
        assertThat(window.nextSlot(second - 1)).isEqualTo(second);
        // Three times, four times, and no more.
        window.block(second + 5, penalty);
        long third = second + 5 + 3 * penalty;
        assertThat(window.nextSlot(third - 1)).isEqualTo(third);
        window.block(third + 5, penalty);
        long fourth = third + 5 + 4 * penalty;
        assertThat(window.nextSlot(fourth - 1)).isEqualTo(fourth);
        window.block(fourth + 5, penalty);
        long fifth = fourth + 5 + PacingWindow.MAX_PENALTY_WAITS * penalty;
        assertThat(window.nextSlot(fifth - 1)).isEqualTo(fifth);

        // The state a restart or another instance reads keeps the count.
        PacingWindow copy = PacingWindow.of(window.state(), 0);
        // A 429 more than a window after the last penalty ended is a new story: waited out once.
        long later = fifth + WINDOW + 1;
        copy.block(later, penalty);
        assertThat(copy.nextSlot(later + 1)).isEqualTo(later + penalty);
        window.block(fifth + 1, penalty);
        assertThat(window.nextSlot(fifth + 2)).as("still in a row").isEqualTo(fifth + 1 + PacingWindow.MAX_PENALTY_WAITS * penalty);
    }

    @Test
    void ourRequestsRingCentralNoLongerCountsDoNotHideAnotherClientsUse() {
        PacingWindow window = PacingWindow.fresh(LIMIT, 250);
        window.observe(-1, 0, LIMIT, WINDOW, LIMIT);
        assertThat(window.reserve(40, 1)).isEqualTo(1);
        window.observe(40, 50, LIMIT, WINDOW, LIMIT - 11); // ours and 10 by another client
        for (int i = 0; i < 20; i++) { // 20 more of ours, answered at 100 without rate-limit headers
            assertThat(window.reserve(100, 1)).isEqualTo(1);
            window.observe(100, 100, null, null, null);
        }

        // A window later RingCentral no longer counts any of these. It counts the other client's 10 made since then
        // and our next request, while our 20 stay in our window for the margin.
        long reserved = WINDOW + 305;
        assertThat(window.reserve(reserved, 1)).isEqualTo(1);
        window.observe(reserved, reserved + 5, LIMIT, WINDOW, LIMIT - 11);

        // 40 - 21 ours - 10 theirs - 5 kept for them = 4, and few in flight: not "alone", not 19 at once.
        assertThat(window.reserve(reserved + 6, 100)).isEqualTo(PacingWindow.SHARED_IN_FLIGHT);
        window.observe(reserved + 6, reserved + 10, LIMIT, WINDOW, LIMIT - 15);
        // Once our 20 have left our window too, the room still leaves out the other client's use.
        long later = 100 + WINDOW + 250 + 1;
        assertThat(window.reserve(later, 100)).isEqualTo(PacingWindow.SHARED_IN_FLIGHT - 3);
        assertThat(window.nextSlot(later)).isEqualTo(later + PacingWindow.RECHECK_MS);
    }

    @Test
    void theOthersUseAsLastSeenStaysUntilAnAnswerAndAProbeFindsOut() {
        PacingWindow window = fresh();
        window.reserve(0, 1);
        // The other clients use all but our one and the headroom.
        window.observe(0, 10, LIMIT, WINDOW, 2);
        long later = 10 + WINDOW + 1_000;
        assertThat(window.reserve(later, 100)).as("our request left the window; theirs, as last seen, did not")
                .isEqualTo(1);
        assertThat(window.reserve(later, 100)).isZero();
        assertThat(window.nextSlot(later)).isEqualTo(later + PacingWindow.RECHECK_MS);
        window.observe(later, later + 5, LIMIT, WINDOW, LIMIT - 1);
        assertThat(window.reserve(later + 6, 100)).as("they are gone").isEqualTo(LIMIT - 1);
    }

    @Test
    void unmeteredAnswersForgetOtherClientsToo() {
        PacingWindow window = fresh();
        window.reserve(0, 1);
        window.observe(0, 10, LIMIT, WINDOW, LIMIT - 11);
        window.reserve(20, 1);
        window.observe(20, 30, LIMIT, WINDOW, LIMIT);
        assertThat(window.reserve(40, 100)).isEqualTo(LIMIT);
    }

    /** A window whose last answer (at 0, for a request not of ours to count) said: nobody else at work. */
    private static PacingWindow fresh() {
        PacingWindow window = PacingWindow.fresh(LIMIT, 0);
        window.observe(-1, 0, LIMIT, WINDOW, LIMIT);
        return window;
    }
}
