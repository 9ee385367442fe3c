package io.ringbridge.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.events.SmsStatusEvent;
import io.ringbridge.platform.db.Batcher;

/**
 * Records messages as {@code sent} in group commits. Many sends finish at once, and each on its own would pay a
 * transaction (a fenced update, an outbox insert, a commit that waits for the WAL). Instead sends that finish while
 * a commit is being written go together in the next one ({@link Batcher}): one batch of fenced updates, one outbox
 * insert, one commit. Each sender returns only once the commit that holds its message is done, so "recorded" still
 * means committed; until then the message stays {@code sending}, as it always did between RingCentral's answer and
 * the commit, and a crash in between leaves it to the in-doubt look-up.
 */
@Component
class SentRecorder {

    /** Bounds one transaction; a busy instance commits this many at most, then the next group. */
    private static final int MAX_GROUP = 500;

    private final SendQueue queue;
    private final MessageEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter sentCount;
    private final Batcher<SentSegment, Boolean> groups = new Batcher<>(MAX_GROUP, this::commit);

    SentRecorder(SendQueue queue, MessageEvents events, TransactionTemplate transactions, Clock clock,
                 MeterRegistry meters) {
        this.queue = queue;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.sentCount = meters.counter("ringbridge.sms.sends", "outcome", "sent");
    }

    /**
     * Records the message {@code sent} with its {@code sms_status} event; {@code false} means its claim was taken
     * over and nothing was written. A failed commit wrote nothing: the message stays claimed, and recovery looks it up.
     */
    boolean record(SentSegment sent) {
        boolean recorded = groups.submit(sent);
        if (recorded) {
            sentCount.increment();
        }
        return recorded;
    }

    private List<Boolean> commit(List<SentSegment> group) {
        boolean[] written = transactions.execute(tx -> {
            boolean[] fenced = queue.sent(group, clock.instant());
            List<SmsStatusEvent> changes = new ArrayList<>();
            for (int i = 0; i < fenced.length; i++) {
                if (fenced[i]) {
                    Claimed m = group.get(i).message();
                    changes.add(MessageEvents.statusChange(m.tenantId(), m.appId(), m.id(), MessageStatus.SENT,
                            group.get(i).firstRcMessageId(), null));
                }
            }
            events.statusChanged(changes);
            return fenced;
        });
        List<Boolean> outcomes = new ArrayList<>(written.length);
        for (boolean w : written) {
            outcomes.add(w);
        }
        return outcomes;
    }
}
