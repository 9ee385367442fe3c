package io.ringbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SenderQueueTest {

    private static final Sender A1 = new Sender("tenant_a", "+15550000001");
    private static final Sender A2 = new Sender("tenant_a", "+15550000002");
    private static final Sender A3 = new Sender("tenant_a", "+15550000003");
    private static final Sender B1 = new Sender("tenant_b", "+15550000011");
    private static final Sender C1 = new Sender("tenant_c", "+15550000021");

    private final SenderQueue queue = new SenderQueue();

    @Test
    void emptyQueueHasNothingReady() {
        assertThat(queue.ready(1_000)).isEmpty();
    }

    @Test
    void offeredSenderIsReadyAtOnce() {
        queue.offer(A1);

        assertThat(queue.ready(0)).containsExactly(A1);
    }

    @Test
    void senderToldToWaitStepsAsideUntilItsTime() {
        queue.offer(A1);
        queue.later(A1, 1_000);

        assertThat(queue.ready(999)).isEmpty();
        assertThat(queue.ready(1_000)).containsExactly(A1);
    }

    @Test
    void laterNeverBringsAWaitForward() {
        queue.offer(A1);
        queue.later(A1, 2_000);
        queue.later(A1, 1_000);

        assertThat(queue.ready(1_500)).isEmpty();
        assertThat(queue.ready(2_000)).containsExactly(A1);
    }

    @Test
    void laterDoesNotBringBackASenderWithoutWork() {
        queue.later(A1, 1_000);

        assertThat(queue.ready(5_000)).isEmpty();
    }

    @Test
    void doneSenderIsNoLongerServed() {
        queue.offer(A1);
        queue.offer(B1);
        queue.done(A1);

        assertThat(queue.ready(0)).containsExactly(B1);
    }

    @Test
    void newWorkEndsTheWait() {
        queue.offer(A1);
        queue.later(A1, 60_000);
        queue.offer(A1);

        assertThat(queue.ready(0)).containsExactly(A1);
    }

    @Test
    void refreshServesTheDueSendersAndForgetsTheOthers() {
        queue.offer(A1);
        queue.offer(B1);

        queue.refresh(List.of(B1, C1));

        assertThat(queue.ready(0)).containsExactlyInAnyOrder(B1, C1);
    }

    @Test
    void refreshKeepsAKnownSendersWait() {
        queue.offer(A1);
        queue.later(A1, 1_000);

        queue.refresh(List.of(A1));

        assertThat(queue.ready(500)).isEmpty();
        assertThat(queue.ready(1_000)).containsExactly(A1);
    }

    @Test
    void refreshWithNothingDueEmptiesTheQueue() {
        queue.offer(A1);
        queue.offer(B1);

        queue.refresh(List.of());

        assertThat(queue.ready(0)).isEmpty();
    }

    @Test
    void tenantWithManyNumbersGetsNoMoreTurnsPerRoundThanOneWithASingleNumber() {
        List.of(A1, A2, A3, B1, C1).forEach(queue::offer);

        List<Sender> ready = queue.ready(0);

        assertThat(ready).containsExactlyInAnyOrder(A1, A2, A3, B1, C1);
        assertThat(ready.subList(0, 3)).extracting(Sender::tenantId).containsExactly("tenant_a", "tenant_b", "tenant_c");
        assertThat(ready.subList(3, 5)).extracting(Sender::tenantId).containsOnly("tenant_a");
    }

    @Test
    void eachRoundStartsOneTenantFurtherAlong() {
        List.of(A1, B1, C1).forEach(queue::offer);

        assertThat(queue.ready(0)).containsExactly(A1, B1, C1);
        assertThat(queue.ready(0)).containsExactly(B1, C1, A1);
        assertThat(queue.ready(0)).containsExactly(C1, A1, B1);
        assertThat(queue.ready(0)).containsExactly(A1, B1, C1);
    }

    @Test
    void waitingTenantIsLeftOutOfTheRound() {
        List.of(A1, A2, B1, C1).forEach(queue::offer);
        queue.later(B1, 1_000);

        List<Sender> ready = queue.ready(0);

        assertThat(ready).containsExactlyInAnyOrder(A1, A2, C1);
        assertThat(ready.subList(0, 2)).extracting(Sender::tenantId).containsExactly("tenant_a", "tenant_c");
    }

    @Test
    void awaitReturnsAtOnceWhenASenderIsDue() {
        queue.offer(A1);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> queue.await(0, 60_000));
    }

    @Test
    void awaitReturnsWhenTheNextSendersTimeComes() {
        queue.offer(A1);
        queue.later(A1, 1_050);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> queue.await(1_000, 60_000));
    }

    @Test
    void signalBeforeTheWaitIsNotLost() {
        queue.signal();

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> queue.await(0, 60_000));
    }

    @Test
    void newWorkWakesAWaitingLoop() {
        Thread offering = Thread.ofVirtual().unstarted(() -> {
            sleep(20);
            queue.offer(A1);
        });

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            offering.start();
            queue.await(0, 60_000);
        });
        assertThat(queue.ready(0)).containsExactly(A1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
