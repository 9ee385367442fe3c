package io.ringbridge.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.ringbridge.pacing.RingCentralPacer;
import io.ringbridge.ringcentral.MessageStorePage;
import io.ringbridge.ringcentral.RateLimitGroup;
import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralApi;
import io.ringbridge.ringcentral.SmsMessage;

/**
 * Answers "did this send reach RingCentral?" for attempts whose answers never arrived (a crash, a timeout, a dropped
 * connection), for all in-doubt messages of one extension at once: one read of the extension's outbound SMS in the
 * message store, over the time their attempts could have reached RingCentral, paced in RingCentral's Light group
 * like every other read. A message counts as sent when an SMS from the same number to the same recipient with the
 * same text was created within its attempt's time and no other message of the tenant (nor an earlier one of the
 * same look-up) already claims it. Not found means it never arrived and may be sent.
 */
@Component
class InDoubtLookup {

    /** Clocks of the gateway and RingCentral differ a little; search a bit before the attempt started. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

    /** The most pages one look-up reads (each one paced request): far more than a lease's worth of sends. */
    private static final int MAX_PAGES = 100;

    /**
     * What a look-up learnt.
     *
     * @param found    RingCentral's id of each message whose pending segment reached it, by message id
     * @param complete whether the whole time span was read: if not, a message not found may still have arrived
     */
    record Result(Map<String, String> found, boolean complete) {
        /** Whether RingCentral surely never received the message's pending segment. */
        boolean surelyNotSent(Claimed m) {
            return complete && !found.containsKey(m.id());
        }
    }

    private final RingCentralApi api;
    private final RingCentralPacer pacer;
    private final SendQueue messages;
    private final SendingProperties properties;

    InDoubtLookup(RingCentralApi api, RingCentralPacer pacer, SendQueue messages, SendingProperties properties) {
        this.api = api;
        this.pacer = pacer;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * Which of those {@code inDoubt} messages (all of one extension, each with its attempt's start) had their
     * pending segment reach RingCentral. Throws a
     * {@link io.ringbridge.ringcentral.RingCentralFailure} when the message store could not be read (a
     * {@link io.ringbridge.ringcentral.RateLimitDeferredException} when the Light budget does not allow it now).
     */
    Result find(RingCentralAccess access, List<Claimed> inDoubt) {
        if (inDoubt.isEmpty()) {
            return new Result(Map.of(), true);
        }
        List<Claimed> oldestFirst = inDoubt.stream().sorted(Comparator.comparing(Claimed::attemptedAt)).toList();
        // An attempt started at attemptedAt and could not have reached RingCentral after its lease ended.
        Instant from = oldestFirst.getFirst().attemptedAt().minus(CLOCK_MARGIN);
        Instant to = oldestFirst.getLast().attemptedAt().plus(properties.lease()).plus(CLOCK_MARGIN);
        List<SmsMessage> store = new ArrayList<>();
        boolean complete = read(access, oldestFirst.getFirst(), from, to, store);
        store.sort(Comparator.comparing(InDoubtLookup::created));

        Map<String, String> found = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Claimed m : oldestFirst) {
            String text = Segments.of(m.body()).get(m.segmentsSent());
            Instant earliest = m.attemptedAt().minus(CLOCK_MARGIN);
            Instant latest = m.attemptedAt().plus(properties.lease()).plus(CLOCK_MARGIN);
            store.stream()
                    .filter(sms -> !taken.contains(sms.id()))
                    .filter(sms -> sms.from() != null && m.from().equals(sms.from().phoneNumber()))
                    .filter(sms -> sms.to() != null && sms.to().stream().anyMatch(recipient -> m.to().equals(recipient.phoneNumber())))
                    .filter(sms -> text.equals(sms.subject()))
                    .filter(sms -> !created(sms).isBefore(earliest) && !created(sms).isAfter(latest))
                    .filter(sms -> !messages.rcIdKnown(m.tenantId(), sms.id()))
                    .findFirst()
                    .ifPresent(sms -> {
                        taken.add(sms.id());
                        found.put(m.id(), sms.id());
                    });
        }
        return new Result(found, complete);
    }

    /**
     * Adds to {@code store} the outbound SMS of the extension created between {@code from} and {@code to}, one paced
     * request a page; returns whether it read them all.
     */
    private boolean read(RingCentralAccess access, Claimed any, Instant from, Instant to, List<SmsMessage> store) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            int number = page;
            MessageStorePage answer = pacer.callNow(any.tenantId(), any.extensionId(), RateLimitGroup.LIGHT,
                    () -> api.outboundSmsBetween(access, from, to, number), MessageStorePage::rateLimit);
            store.addAll(answer.records());
            if (!answer.more()) {
                return true;
            }
        }
        return false;
    }

    private static Instant created(SmsMessage sms) {
        return sms.creationTime() == null ? Instant.EPOCH : OffsetDateTime.parse(sms.creationTime()).toInstant();
    }
}
