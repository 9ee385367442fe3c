package io.ringbridge.ringcentral;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message as RingCentral's message store shows it ({@code GetSMSMessageInfoResponse} /
 * {@code GetMessageInfoResponse}): the answer to a send and to a later read.
 *
 * @param messageStatus {@code Queued}, {@code Sent}, {@code Delivered}, {@code DeliveryFailed},
 *                      {@code SendingFailed} or {@code Received}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SmsMessage(String id, String uri, String type, String direction, String messageStatus, Party from,
                         List<Party> to, String subject, String creationTime, String lastModifiedTime,
                         String smsDeliveryTime, String deliveryErrorCode, Integer smsSendingAttemptsCount) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String phoneNumber, String name, String messageStatus) {
    }
}
