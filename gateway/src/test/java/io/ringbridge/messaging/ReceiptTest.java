package io.ringbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ringbridge.ringcentral.SmsMessage;

class ReceiptTest {

    @Test
    void deliveredPartIsDeliveredAtItsDeliveryTime() {
        Receipt receipt = Receipt.of(List.of(part("Delivered", "2026-03-01T10:00:05.123Z", "2026-03-01T10:00:07Z", null)));

        assertThat(receipt).isEqualTo(new Receipt(DeliveryStatus.DELIVERED, null, Instant.parse("2026-03-01T10:00:05.123Z")));
    }

    @Test
    void deliveryTimeWithAnOffsetIsTheSameInstant() {
        Receipt receipt = Receipt.of(List.of(part("Delivered", "2026-03-01T12:00:05+02:00", null, null)));

        assertThat(receipt.deliveredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:05Z"));
    }

    @Test
    void withoutDeliveryTimeTheLastModificationCounts() {
        Receipt receipt = Receipt.of(List.of(part("Delivered", null, "2026-03-01T10:00:07Z", null)));

        assertThat(receipt.deliveredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:07Z"));
    }

    @Test
    void withNoTimeAtAllTheReceiptIsDeliveredNow() {
        Instant before = Instant.now();
        Receipt receipt = Receipt.of(List.of(part("Delivered", null, null, null)));

        assertThat(receipt.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(receipt.deliveredAt()).isBetween(before, Instant.now());
    }

    @Test
    void messageInPartsIsDeliveredWhenItsLastPartIs() {
        Receipt receipt = Receipt.of(List.of(
                part("Delivered", "2026-03-01T10:00:09Z", null, null),
                part("Delivered", null, "2026-03-01T10:00:12Z", null),
                part("Delivered", "2026-03-01T10:00:04Z", null, null)));

        assertThat(receipt).isEqualTo(new Receipt(DeliveryStatus.DELIVERED, null, Instant.parse("2026-03-01T10:00:12Z")));
    }

    @Test
    void messageStillOnItsWayHasNoReceipt() {
        assertThat(Receipt.of(List.of(part("Queued", null, null, null)))).isNull();
        assertThat(Receipt.of(List.of(part("Sent", null, "2026-03-01T10:00:07Z", null)))).isNull();
    }

    @Test
    void messageInPartsWaitsForEveryPart() {
        assertThat(Receipt.of(List.of(
                part("Delivered", "2026-03-01T10:00:05Z", null, null),
                part("Sent", null, null, null)))).isNull();
    }

    @Test
    void deliveryFailureIsUndeliveredWithRingCentralsCode() {
        Receipt receipt = Receipt.of(List.of(part("DeliveryFailed", null, "2026-03-01T10:00:07Z", "SMS-UP-430")));

        assertThat(receipt).isEqualTo(new Receipt(DeliveryStatus.UNDELIVERED, "Not delivered to the recipient (SMS-UP-430)", null));
    }

    @Test
    void failureWithoutCodeSaysSoWithoutParentheses() {
        assertThat(Receipt.of(List.of(part("DeliveryFailed", null, null, null))).error())
                .isEqualTo("Not delivered to the recipient");
        assertThat(Receipt.of(List.of(part("SendingFailed", null, null, null))).error())
                .isEqualTo("RingCentral could not send the message");
    }

    @Test
    void sendingFailureAfterSentIsUndeliveredWithItsOwnError() {
        Receipt receipt = Receipt.of(List.of(part("SendingFailed", null, null, "SMS-CAR-411")));

        assertThat(receipt).isEqualTo(new Receipt(DeliveryStatus.UNDELIVERED, "RingCentral could not send the message (SMS-CAR-411)", null));
    }

    @Test
    void onePartThatFailedDecidesBeforeTheOthersAreDone() {
        Receipt receipt = Receipt.of(List.of(
                part("Delivered", "2026-03-01T10:00:05Z", null, null),
                part("Queued", null, null, null),
                part("DeliveryFailed", null, null, "SMS-UP-410")));

        assertThat(receipt).isEqualTo(new Receipt(DeliveryStatus.UNDELIVERED, "Not delivered to the recipient (SMS-UP-410)", null));
    }

    @Test
    void sendingFailureOutweighsDeliveryFailureWhicheverPartComesFirst() {
        Receipt receipt = Receipt.of(List.of(
                part("DeliveryFailed", null, null, "SMS-UP-410"),
                part("SendingFailed", null, null, "SMS-CAR-411")));

        assertThat(receipt).isEqualTo(new Receipt(DeliveryStatus.UNDELIVERED, "RingCentral could not send the message (SMS-CAR-411)", null));
    }

    @Test
    void theFirstFailedPartGivesTheCode() {
        Receipt receipt = Receipt.of(List.of(
                part("DeliveryFailed", null, null, "SMS-UP-410"),
                part("DeliveryFailed", null, null, "SMS-UP-430")));

        assertThat(receipt.error()).isEqualTo("Not delivered to the recipient (SMS-UP-410)");
    }

    private static SmsMessage part(String messageStatus, String smsDeliveryTime, String lastModifiedTime, String errorCode) {
        return new SmsMessage("rc-1", null, "SMS", "Outbound", messageStatus, null, List.of(), "hello",
                "2026-03-01T10:00:00Z", lastModifiedTime, smsDeliveryTime, errorCode, 1);
    }
}
