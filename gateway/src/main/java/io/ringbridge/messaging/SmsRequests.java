package io.ringbridge.messaging;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request and answer bodies of the SMS routes, named in the API reference as they are here. */
final class SmsRequests {

    private SmsRequests() {
    }

    /** A message to send; {@link SendValidation} reads it from the request, field by field, in the contract's order. */
    @Schema(name = "SendSmsRequest")
    record Send(
            @Schema(description = "Recipient, E.164", example = "+14155550100", requiredMode = Schema.RequiredMode.REQUIRED)
            String to,
            @Schema(description = "Sender: an SMS number of a connected RingCentral user of the tenant, E.164",
                    example = "+16505550101", requiredMode = Schema.RequiredMode.REQUIRED)
            String from,
            @Schema(description = "Text, 1-1600 UTF-16 code units; over 1000 it goes out as several RingCentral messages",
                    example = "Hello", requiredMode = Schema.RequiredMode.REQUIRED)
            String body,
            @Schema(description = "[ext] The app's own user the message is for or from, at most 200 characters")
            String userId) {
    }

    /** The answer of an accepted send (and of its replays). */
    @Schema(name = "SendSmsAccepted")
    record Accepted(String messageId, MessageStatus status) {
    }
}
