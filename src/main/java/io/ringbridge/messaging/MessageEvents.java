package io.ringbridge.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.ringbridge.events.EventOutbox;

/** {@code sms_status} events (API.md §7), written in the transaction of the status change they announce. */
@Component
class MessageEvents {

    static final String TYPE = "sms_status";

    private final EventOutbox outbox;

    MessageEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void statusChanged(String tenantId, String appId, String messageId, MessageStatus status, String rcMessageId,
                       String error) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", messageId);
        payload.put("appId", appId);
        payload.put("status", status.wire());
        if (rcMessageId != null) {
            payload.put("rcMessageId", rcMessageId);
        }
        if (error != null) {
            payload.put("error", error);
        }
        outbox.append(TYPE, tenantId, appId, payload);
    }
}
