package io.ringbridge.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every status change of an outbound message, each in one transaction with its {@code sms_status} event (those to
 * {@code sent} in group commits, see {@link SentRecorder}), and fenced by the worker's claim: {@code false} means the
 * lease was taken over and nothing was written.
 */
@Component
class MessageOutcomes {

    private final SendQueue queue;
    private final MessageEvents events;
    private final SentRecorder recorder;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    MessageOutcomes(SendQueue queue, MessageEvents events, SentRecorder recorder, TransactionTemplate transactions,
                    Clock clock, MeterRegistry meters) {
        this.queue = queue;
        this.events = events;
        this.recorder = recorder;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** Claims due messages of a sender (status {@code sending}), announcing each. */
    List<Claimed> claim(Sender sender, int limit, Instant leaseUntil, String extensionId) {
        return transactions.execute(tx -> {
            List<Claimed> claimed = queue.claim(sender, limit, clock.instant(), leaseUntil, extensionId);
            events.statusChanged(claimed.stream().map(m -> MessageEvents.statusChange(m.tenantId(), m.appId(), m.id(),
                    MessageStatus.SENDING, null, null)).toList());
            return claimed;
        });
    }

    /** Takes over {@code sending} messages whose lease ran out (see {@link SendQueue#claimExpired}). */
    List<Claimed> claimExpired(Instant leaseUntil, int limit) {
        return transactions.execute(tx -> queue.claimExpired(clock.instant(), leaseUntil, limit));
    }

    /** Fails due queued messages of a sender that cannot send at all; returns how many. */
    int failQueued(Sender sender, String error, int limit) {
        Integer failed = transactions.execute(tx -> {
            List<Claimed> claimed = queue.claim(sender, limit, clock.instant(), clock.instant().plusSeconds(60), null);
            Instant now = clock.instant();
            for (Claimed m : claimed) {
                queue.failed(m, error, now);
                events.statusChanged(m.tenantId(), m.appId(), m.id(), MessageStatus.FAILED, null, error);
            }
            return claimed.size();
        });
        meters.counter("ringbridge.sms.sends", "outcome", "failed").increment(failed);
        return failed;
    }

    /** One segment of several reached RingCentral. */
    boolean segmentSent(Claimed m, int seq, String rcMessageId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> queue.segmentSent(m, seq, rcMessageId, clock.instant())));
    }

    /** The last segment reached RingCentral: the message is {@code sent} (committed with others finishing now). */
    boolean sent(Claimed m, int lastSeq, String rcMessageId, String firstRcMessageId) {
        return recorder.record(new SentSegment(m, lastSeq, rcMessageId, firstRcMessageId));
    }

    boolean failed(Claimed m, String error) {
        boolean done = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!queue.failed(m, error, clock.instant())) {
                return false;
            }
            events.statusChanged(m.tenantId(), m.appId(), m.id(), MessageStatus.FAILED, null, error);
            return true;
        }));
        if (done) {
            meters.counter("ringbridge.sms.sends", "outcome", "failed").increment();
        }
        return done;
    }

    /** Back to {@code queued} until {@code at}; {@code countsAsAttempt} false for waiting that is no failure. */
    boolean retryAt(Claimed m, Instant at, String reason, boolean countsAsAttempt) {
        boolean done = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!queue.retryAt(m, at, reason, countsAsAttempt, clock.instant())) {
                return false;
            }
            events.statusChanged(m.tenantId(), m.appId(), m.id(), MessageStatus.QUEUED, null, null);
            return true;
        }));
        if (done && countsAsAttempt) {
            meters.counter("ringbridge.sms.sends", "outcome", "retried").increment();
        }
        return done;
    }

    /** Whether the last attempt reached RingCentral is unknown: look it up there at {@code at}. */
    boolean inDoubt(Claimed m, Instant at) {
        meters.counter("ringbridge.sms.sends", "outcome", "in_doubt").increment();
        return Boolean.TRUE.equals(transactions.execute(tx -> queue.inDoubtUntil(m, at, clock.instant())));
    }
}
