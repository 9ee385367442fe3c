package io.ringbridge.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.ringbridge.ringcentral.SmsMessage;

/**
 * What RingCentral's message store says about a sent message, as its delivery status and error. A message sent
 * in several parts is delivered only when every part is; one part that failed decides for the whole message, and
 * RingCentral failing to send a part after all makes it undelivered as well (its status stays {@code sent}).
 */
record Receipt(DeliveryStatus deliveryStatus, String error, Instant deliveredAt) {

    /** @return the receipt of the message whose parts these are, or {@code null} while it is still on its way */
    static Receipt of(List<SmsMessage> parts) {
        SmsMessage failedToSend = first(parts, "SendingFailed");
        if (failedToSend != null) {
            return new Receipt(DeliveryStatus.UNDELIVERED, "RingCentral could not send the message" + code(failedToSend), null);
        }
        SmsMessage notDelivered = first(parts, "DeliveryFailed");
        if (notDelivered != null) {
            return new Receipt(DeliveryStatus.UNDELIVERED, "Not delivered to the recipient" + code(notDelivered), null);
        }
        if (parts.stream().allMatch(p -> "Delivered".equals(p.messageStatus()))) {
            Instant delivered = parts.stream().map(p -> p.smsDeliveryTime() == null ? p.lastModifiedTime() : p.smsDeliveryTime())
                    .filter(t -> t != null).map(t -> OffsetDateTime.parse(t).toInstant()).max(Instant::compareTo)
                    .orElse(Instant.now());
            return new Receipt(DeliveryStatus.DELIVERED, null, delivered);
        }
        return null;
    }

    private static SmsMessage first(List<SmsMessage> parts, String status) {
        return parts.stream().filter(p -> status.equals(p.messageStatus())).findFirst().orElse(null);
    }

    private static String code(SmsMessage part) {
        return part.deliveryErrorCode() == null ? "" : " (" + part.deliveryErrorCode() + ")";
    }
}
