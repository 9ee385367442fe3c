package io.ringbridge.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.ringbridge.events.EventOutbox;

/** {@code sms_status} events, written in the transaction of the status change they announce. */
@Component
class MessageEvents {

    static final String TYPE = "sms_status";

    /** One message's new status, as announced to its app. */
    record StatusChange(String tenantId, String appId, String messageId, MessageStatus status, String rcMessageId,
                        String error) {
    }

    private final EventOutbox outbox;

    MessageEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void statusChanged(String tenantId, String appId, String messageId, MessageStatus status, String rcMessageId,
                       String error) {
        statusChanged(List.of(new StatusChange(tenantId, appId, messageId, status, rcMessageId, error)));
    }

    /** Several status changes of one transaction, written together. */
    void statusChanged(List<StatusChange> changes) {
        outbox.appendAll(changes.stream().map(MessageEvents::event).toList());
    }

    private static EventOutbox.Event event(StatusChange change) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", change.messageId());
        payload.put("appId", change.appId());
        payload.put("status", change.status().wire());
        if (change.rcMessageId() != null) {
            payload.put("rcMessageId", change.rcMessageId());
        }
        if (change.error() != null) {
            payload.put("error", change.error());
        }
        return new EventOutbox.Event(TYPE, change.tenantId(), change.appId(), payload);
    }
}
