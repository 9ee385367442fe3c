package io.ringbridge.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralApi;
import io.ringbridge.ringcentral.SmsMessage;

/**
 * Answers "did this send reach RingCentral?" for an attempt whose answer never arrived (a crash, a timeout, a
 * dropped connection): RingCentral's message store is searched for an outbound SMS from the same number to the
 * same recipient with the same text, created since the attempt started, that no other message of the tenant
 * already claims. Found means sent (with its id); not found means it never arrived and may be sent.
 */
@Component
class InDoubtLookup {

    /** Clocks of the gateway and RingCentral differ a little; search a bit before the attempt started. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

    private final RingCentralApi api;
    private final SendQueue messages;
    private final SendingProperties properties;

    InDoubtLookup(RingCentralApi api, SendQueue messages, SendingProperties properties) {
        this.api = api;
        this.messages = messages;
        this.properties = properties;
    }

    Optional<String> find(RingCentralAccess access, Claimed m, String text) {
        // The attempt started at attemptedAt and could not have reached RingCentral after its lease ended.
        Instant started = m.attemptedAt() == null ? Instant.now() : m.attemptedAt();
        return api.outboundSmsWith(access, m.to(), started.minus(CLOCK_MARGIN),
                        started.plus(properties.lease()).plus(CLOCK_MARGIN)).stream()
                .filter(sms -> sms.from() != null && m.from().equals(sms.from().phoneNumber()))
                .filter(sms -> sms.to() != null && sms.to().stream().anyMatch(to -> m.to().equals(to.phoneNumber())))
                .filter(sms -> text.equals(sms.subject()))
                .sorted(Comparator.comparing(InDoubtLookup::created))
                .map(SmsMessage::id)
                .filter(id -> !messages.rcIdKnown(m.tenantId(), id))
                .findFirst();
    }

    private static Instant created(SmsMessage sms) {
        return sms.creationTime() == null ? Instant.EPOCH : OffsetDateTime.parse(sms.creationTime()).toInstant();
    }
}
