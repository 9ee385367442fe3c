package io.ringbridge.connection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.ringbridge.events.EventOutbox;

/** {@code rc_connection} events: an extension's status changed, or it was connected or removed. */
@Component
class ConnectionEvents {

    static final String TYPE = "rc_connection";

    private final EventOutbox outbox;

    ConnectionEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** @param status an {@link ExtensionStatus} wire value, or {@code disconnected} */
    void statusChanged(String tenantId, String extensionId, String status) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("extensionId", extensionId);
        payload.put("status", status);
        outbox.append(TYPE, tenantId, null, payload);
    }
}
