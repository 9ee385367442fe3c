package io.ringbridge.messaging;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code queued → sending → sent}, or {@code failed}; inbound is {@code received}. Gravity's values only: its clients
 * poll until {@code sent} or {@code failed}, so receipts go to {@link DeliveryStatus} instead.
 */
enum MessageStatus {
    QUEUED("queued"),
    SENDING("sending"),
    SENT("sent"),
    FAILED("failed"),
    RECEIVED("received");

    private final String wire;

    MessageStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    static MessageStatus parse(String value) {
        for (MessageStatus status : values()) {
            if (status.wire.equals(value)) {
                return status;
            }
        }
        return null;
    }

    static MessageStatus fromDb(String value) {
        MessageStatus status = parse(value);
        if (status == null) {
            throw new IllegalStateException("Unknown message status in database: " + value);
        }
        return status;
    }
}
