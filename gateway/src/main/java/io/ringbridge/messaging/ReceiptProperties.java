package io.ringbridge.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How delivery receipts are read from RingCentral ({@code ringbridge.receipts.*}).
 *
 * @param notificationInterval How often RingCentral's message-store notifications are worked through, each naming
 *        an extension whose receipts are then read
 * @param pollInterval How often receipts still awaited are polled, in case a notification never comes
 */
@ConfigurationProperties("ringbridge.receipts")
record ReceiptProperties(
        @DefaultValue("2s") Duration notificationInterval,
        @DefaultValue("2m") Duration pollInterval) {
}
