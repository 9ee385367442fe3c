package io.ringbridge.simulator.sms;

/** How an outbound message ends. */
public enum DeliveryOutcome {
    /** Queued → Sent → Delivered. */
    DELIVERED,
    /** Queued → Sent → DeliveryFailed (carrier rejected; {@code deliveryErrorCode} set). */
    DELIVERY_FAILED,
    /** Queued → SendingFailed (never left RingCentral; {@code deliveryErrorCode} set). */
    SENDING_FAILED
}
