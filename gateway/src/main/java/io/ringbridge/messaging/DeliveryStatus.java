package io.ringbridge.messaging;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * [ext] What RingCentral's delivery receipts say about a {@code sent} message: {@code pending} from the moment it
 * is sent until a receipt arrives, then {@code delivered} or {@code undelivered}. Messages never sent (and inbound
 * ones) have none. Receipts never change a message's {@link MessageStatus}.
 */
enum DeliveryStatus {
    PENDING("pending"),
    DELIVERED("delivered"),
    UNDELIVERED("undelivered");

    private final String wire;

    DeliveryStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** @return null when the text is none of the values */
    static DeliveryStatus parse(String value) {
        for (DeliveryStatus status : values()) {
            if (status.wire.equals(value)) {
                return status;
            }
        }
        return null;
    }

    /** @return null for a message without one */
    static DeliveryStatus fromDb(String value) {
        if (value == null) {
            return null;
        }
        DeliveryStatus status = parse(value);
        if (status == null) {
            throw new IllegalStateException("Unknown delivery status in database: " + value);
        }
        return status;
    }
}
