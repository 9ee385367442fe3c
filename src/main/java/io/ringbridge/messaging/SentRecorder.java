package io.ringbridge.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records messages as {@code sent} in group commits. Many sends finish at once, and each on its own would pay a
 * transaction (a fenced update, an outbox insert, a commit that waits for the WAL). Instead a finished send joins a
 * queue, and whichever sender thread holds the commit lock writes everything queued in one transaction: one batch
 * of fenced updates, one outbox insert, one commit. Each thread returns only once the commit that holds its message
 * is done, so "recorded" still means committed; until then the message stays {@code sending}, as it always did
 * between RingCentral's answer and the commit, and a crash in between leaves it to the in-doubt look-up.
 */
@Component
class SentRecorder {

    /** Bounds one transaction; a busy instance commits this many at most, then the next group. */
    private static final int MAX_GROUP = 500;

    private final Messages messages;
    private final MessageEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter sentCount;
    private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    SentRecorder(Messages messages, MessageEvents events, TransactionTemplate transactions, Clock clock,
                 MeterRegistry meters) {
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.sentCount = meters.counter("ringbridge.sms.sends", "outcome", "sent");
    }

    /**
     * Records the message {@code sent} with its {@code sms_status} event; {@code false} means its claim was taken
     * over and nothing was written.
     */
    boolean record(SentSegment sent) {
        Waiting mine = new Waiting(sent);
        queue.add(mine);
        committing.lock();
        try {
            while (!mine.done) {
                commit(nextGroup());
            }
        } finally {
            committing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.recorded;
    }

    private List<Waiting> nextGroup() {
        List<Waiting> group = new ArrayList<>();
        for (Waiting next; group.size() < MAX_GROUP && (next = queue.poll()) != null; ) {
            group.add(next);
        }
        return group;
    }

    /** Called under the commit lock, which also makes the outcomes visible to the threads that wait for them. */
    private void commit(List<Waiting> group) {
        boolean[] recorded;
        try {
            recorded = transactions.execute(tx -> {
                boolean[] written = messages.sent(group.stream().map(waiting -> waiting.sent).toList(), clock.instant());
                List<MessageEvents.StatusChange> changes = new ArrayList<>();
                for (int i = 0; i < written.length; i++) {
                    if (written[i]) {
                        SentSegment sent = group.get(i).sent;
                        Claimed m = sent.message();
                        changes.add(new MessageEvents.StatusChange(m.tenantId(), m.appId(), m.id(), MessageStatus.SENT,
                                sent.firstRcMessageId(), null));
                    }
                }
                events.statusChanged(changes);
                return written;
            });
        } catch (RuntimeException e) {
            // Nothing of the group was written: its messages stay claimed, and recovery looks each one up.
            group.forEach(waiting -> waiting.fail(e));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).finish(recorded[i]);
            if (recorded[i]) {
                sentCount.increment();
            }
        }
    }

    /** A send waiting for the commit of its outcome; written and read under the commit lock. */
    private static final class Waiting {
        private final SentSegment sent;
        private boolean done;
        private boolean recorded;
        private RuntimeException failure;

        private Waiting(SentSegment sent) {
            this.sent = sent;
        }

        private void finish(boolean recorded) {
            this.recorded = recorded;
            this.done = true;
        }

        private void fail(RuntimeException failure) {
            this.failure = failure;
            this.done = true;
        }
    }
}
