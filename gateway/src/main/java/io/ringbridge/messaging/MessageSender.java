package io.ringbridge.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.ringbridge.connection.ExtensionUnavailableException;
import io.ringbridge.connection.TokenVault;
import io.ringbridge.pacing.RingCentralPacer;
import io.ringbridge.ringcentral.RateLimitDeferredException;
import io.ringbridge.ringcentral.RateLimitGroup;
import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralException;
import io.ringbridge.ringcentral.RingCentralFailure;
import io.ringbridge.ringcentral.RingCentralApi;
import io.ringbridge.ringcentral.RingCentralUnreachableException;
import io.ringbridge.ringcentral.SmsAccepted;
import io.ringbridge.ringcentral.SmsRequest;

/**
 * Sends one claimed message, segment by segment, and records what happened.
 *
 * <p>Exactly once towards RingCentral: a segment is sent only when nothing suggests an earlier attempt reached
 * RingCentral. An attempt whose answer was lost leaves the message {@code sending} ("in doubt") until it is looked
 * up in RingCentral's message store ({@link InDoubtLookup}); the same happens to any message whose claim ran out
 * (the worker crashed or stalled). A worker never sends once its lease is nearly over, and every write is fenced
 * by its claim, so a worker that lost its lease cannot undo the work of the one that took over.
 */
@Component
class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final TokenVault vault;
    private final RingCentralApi api;
    private final RingCentralPacer pacer;
    private final MessageOutcomes outcomes;
    private final InDoubtLookup lookup;
    private final SendingProperties properties;
    private final Clock clock;
    private final Timer latency;

    MessageSender(TokenVault vault, RingCentralApi api, RingCentralPacer pacer, MessageOutcomes outcomes,
                  InDoubtLookup lookup, SendingProperties properties, Clock clock, MeterRegistry meters) {
        this.vault = vault;
        this.api = api;
        this.pacer = pacer;
        this.outcomes = outcomes;
        this.lookup = lookup;
        this.properties = properties;
        this.clock = clock;
        this.latency = Timer.builder("ringbridge.rc.request").tag("operation", "sendSms")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Sends the message's remaining segments; the first uses {@code grant}, which holds one pacing slot. */
    void send(Claimed m, RingCentralPacer.Grant grant) {
        List<String> segments = Segments.of(m.body());
        RingCentralPacer.Grant slot = grant;
        String firstRcId = null;
        for (int seq = m.segmentsSent(); seq < segments.size(); seq++) {
            if (slot == null) {
                slot = pacer.reserve(m.tenantId(), m.extensionId(), RateLimitGroup.MEDIUM, 1);
                if (slot.slots() == 0) {
                    outcomes.retryAt(m.withSegmentsSent(seq), pacer.nextSlot(m.tenantId(), m.extensionId(), RateLimitGroup.MEDIUM), null, false);
                    return;
                }
            }
            Attempt attempt = attempt(m, segments.get(seq), slot);
            slot = null;
            Claimed progress = m.withSegmentsSent(seq);
            switch (attempt) {
                case Attempt.Accepted accepted -> {
                    firstRcId = seq == 0 ? accepted.rcMessageId() : firstRcId;
                    boolean last = seq == segments.size() - 1;
                    boolean recorded = last ? outcomes.sent(progress, seq, accepted.rcMessageId(), firstRcId)
                            : outcomes.segmentSent(progress, seq, accepted.rcMessageId());
                    if (!recorded) {
                        log.warn("Message {} was taken over while sending; the new owner reconciles with RingCentral", m.id());
                        return;
                    }
                }
                case Attempt.Retry retry -> {
                    if (retry.countsAsAttempt() && m.attempts() >= properties.maxAttempts()) {
                        outcomes.failed(progress, "RingCentral did not accept the message after " + m.attempts()
                                + " attempts: " + retry.reason());
                    } else {
                        outcomes.retryAt(progress, retry.at(), retry.reason(), retry.countsAsAttempt());
                    }
                    return;
                }
                case Attempt.Failed failed -> {
                    outcomes.failed(progress, failed.error());
                    return;
                }
                case Attempt.InDoubt inDoubt -> {
                    outcomes.inDoubt(progress, clock.instant().plus(properties.lookupDelay()));
                    return;
                }
            }
        }
    }

    /**
     * Takes over messages of one extension whose claims ran out: first finds out at RingCentral, in one look-up for
     * all of them, whether their last attempts got through, then records each that did and puts the others back in
     * the queue to be sent. A look-up that cannot be made now, or fails, leaves them in doubt until it can be made
     * again: after the penalty or the budget's next slot, or after a capped backoff.
     */
    void recover(List<Claimed> ofOneExtension) {
        List<Claimed> attempted = new ArrayList<>();
        for (Claimed m : ofOneExtension) {
            if (m.extensionId() == null || m.attemptedAt() == null) {
                outcomes.retryAt(m, clock.instant(), null, true); // claimed but never routed: nothing was sent
            } else {
                attempted.add(m);
            }
        }
        if (attempted.isEmpty()) {
            return;
        }
        Claimed first = attempted.getFirst();
        RingCentralAccess access;
        try {
            access = vault.access(first.tenantId(), first.extensionId());
        } catch (ExtensionUnavailableException e) {
            for (Claimed m : attempted) {
                if (e.temporary()) {
                    outcomes.inDoubt(m, clock.instant().plus(properties.waitForExtension()));
                } else {
                    outcomes.failed(m, "Could not confirm with RingCentral whether the message was sent: the extension is "
                            + (e.status() == null ? "no longer connected" : e.status().wire()));
                }
            }
            return;
        }
        InDoubtLookup.Result result;
        try {
            result = lookup.find(access, attempted);
        } catch (RateLimitDeferredException e) {
            attempted.forEach(m -> outcomes.inDoubt(m, e.retryAt()));
            return;
        } catch (RingCentralFailure e) {
            Optional<Duration> retryAfter = !(e instanceof RingCentralException refused) ? Optional.empty()
                    : refused.rateLimited() ? Optional.of(RingCentralPacer.penalty(refused)) : refused.retryAfter();
            log.warn("Look-up of {} in-doubt messages of extension {} failed ({}); trying again later",
                    attempted.size(), first.extensionId(), e.getMessage());
            attempted.forEach(m -> outcomes.inDoubt(m, clock.instant().plus(RetryPolicy.delay(properties, m.attempts(), retryAfter))));
            return;
        }
        for (Claimed m : attempted) {
            resolved(m, result);
        }
    }

    private void resolved(Claimed m, InDoubtLookup.Result result) {
        String rcId = result.found().get(m.id());
        if (rcId == null) {
            if (result.surelyNotSent(m)) {
                log.info("Message {} did not reach RingCentral before its claim ran out; sending it again", m.id());
                outcomes.retryAt(m, clock.instant(), null, true);
            } else {
                outcomes.inDoubt(m, clock.instant().plus(RetryPolicy.delay(properties, m.attempts())));
            }
            return;
        }
        List<String> segments = Segments.of(m.body());
        int seq = m.segmentsSent();
        log.info("Message {} segment {} had reached RingCentral as {}; recorded without sending again", m.id(), seq, rcId);
        if (seq == segments.size() - 1) {
            outcomes.sent(m, seq, rcId, seq == 0 ? rcId : null);
        } else if (outcomes.segmentSent(m, seq, rcId)) {
            outcomes.retryAt(m.withSegmentsSent(seq + 1), clock.instant(), null, true);
        }
    }

    private sealed interface Attempt {
        record Accepted(String rcMessageId) implements Attempt {
        }

        record Retry(Instant at, String reason, boolean countsAsAttempt) implements Attempt {
        }

        record Failed(String error) implements Attempt {
        }

        record InDoubt() implements Attempt {
        }
    }

    private Attempt attempt(Claimed m, String text, RingCentralPacer.Grant slot) {
        Instant now = clock.instant();
        // A request started in the second half of the lease might still be running when another worker takes the
        // message over; don't start one (MessagingConfiguration makes half a lease longer than any request).
        if (now.plus(properties.lease().dividedBy(2)).isAfter(m.leaseUntil())) {
            pacer.release(slot, 1);
            return new Attempt.Retry(now.plus(properties.retryMin()), null, false);
        }
        RingCentralAccess access;
        try {
            access = vault.access(m.tenantId(), m.extensionId());
        } catch (ExtensionUnavailableException e) {
            pacer.release(slot, 1);
            return e.temporary()
                    ? new Attempt.Retry(now.plus(properties.waitForExtension()), "Waiting for RingCentral: " + e.getMessage(), false)
                    : new Attempt.Failed(e.status() == null ? "RingCentral not connected for this tenant"
                    : "RingCentral access for " + m.from() + " was revoked; reconnect the extension");
        }
        long started = System.nanoTime();
        try {
            SmsAccepted accepted = pacer.call(slot, () -> api.sendSms(access, new SmsRequest(m.from(), m.to(), text)),
                    SmsAccepted::rateLimit);
            return new Attempt.Accepted(accepted.message().id());
        } catch (RingCentralException e) {
            return refused(m, access, e, now);
        } catch (RingCentralUnreachableException e) {
            if (e.requestMayHaveArrived()) {
                log.warn("Send of message {} got no answer ({}); it will be looked up at RingCentral", m.id(), e.getMessage());
                return new Attempt.InDoubt();
            }
            return new Attempt.Retry(now.plus(RetryPolicy.delay(properties, m.attempts())),
                    "RingCentral could not be reached", true);
        } finally {
            latency.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Attempt refused(Claimed m, RingCentralAccess access, RingCentralException e, Instant now) {
        if (e.rateLimited()) {
            Duration wait = RingCentralPacer.penalty(e);
            return new Attempt.Retry(now.plus(wait), "RingCentral rate limit; retrying after the penalty", false);
        }
        if (e.status() == 401) {
            vault.rejected(m.tenantId(), m.extensionId(), access);
            return new Attempt.Retry(now.plus(Duration.ofSeconds(1)), "RingCentral refused the access token", true);
        }
        if (e.transientFailure()) {
            return new Attempt.Retry(now.plus(RetryPolicy.delay(properties, m.attempts(), e.retryAfter())),
                    "RingCentral error " + e.status() + describe(e), true);
        }
        return new Attempt.Failed(SendErrors.describe(m, e));
    }

    private static String describe(RingCentralException e) {
        return e.errorCodes().isEmpty() ? "" : " " + String.join(", ", e.errorCodes());
    }
}
