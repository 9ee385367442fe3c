package io.ringbridge.connection;

import org.springframework.stereotype.Component;

import io.ringbridge.events.ConnectionEvent;
import io.ringbridge.events.EventOutbox;

/** {@code rc_connection} events: an extension's status changed, or it was connected or removed. */
@Component
class ConnectionEvents {

    private final EventOutbox outbox;

    ConnectionEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** @param status an {@link ExtensionStatus} wire value, or {@code disconnected} */
    void statusChanged(String tenantId, String extensionId, String status) {
        outbox.append(new ConnectionEvent(tenantId, extensionId, status));
    }
}
