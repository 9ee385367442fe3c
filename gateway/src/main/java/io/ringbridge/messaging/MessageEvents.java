package io.ringbridge.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import io.ringbridge.events.EventOutbox;
import io.ringbridge.events.SmsDeliveryEvent;
import io.ringbridge.events.SmsStatusEvent;

/**
 * {@code sms_status} and [ext] {@code sms_delivery} events, written in the transaction of the change they announce.
 */
@Component
class MessageEvents {

    private final EventOutbox outbox;

    MessageEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** One message's new status, as announced to its app. */
    static SmsStatusEvent statusChange(String tenantId, String appId, String messageId, MessageStatus status,
                                       String rcMessageId, String error) {
        return new SmsStatusEvent(tenantId, messageId, appId, status.wire(), rcMessageId, error);
    }

    void statusChanged(String tenantId, String appId, String messageId, MessageStatus status, String rcMessageId,
                       String error) {
        outbox.append(statusChange(tenantId, appId, messageId, status, rcMessageId, error));
    }

    /** Several status changes of one transaction, written together. */
    void statusChanged(List<SmsStatusEvent> changes) {
        outbox.appendAll(changes);
    }

    /** A sent message's receipt, as announced to its app. */
    static SmsDeliveryEvent receipt(String tenantId, String appId, String messageId, Receipt receipt) {
        return new SmsDeliveryEvent(tenantId, messageId, appId, receipt.deliveryStatus().wire(), receipt.error());
    }

    /** The receipts recorded in one transaction, written together. */
    void receiptsRecorded(List<SmsDeliveryEvent> receipts) {
        outbox.appendAll(receipts);
    }
}
