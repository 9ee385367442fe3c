package io.ringbridge.messaging;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code queued → sending → sent → delivered | undelivered}, or {@code failed}; inbound is {@code received}. */
enum MessageStatus {
    QUEUED("queued"),
    SENDING("sending"),
    SENT("sent"),
    DELIVERED("delivered"),
    UNDELIVERED("undelivered"),
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

    public boolean terminal() {
        return this == DELIVERED || this == UNDELIVERED || this == FAILED || this == RECEIVED;
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
