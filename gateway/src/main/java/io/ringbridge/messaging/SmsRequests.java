package io.ringbridge.messaging;

import io.ringbridge.platform.web.InvalidValueMessage;

/** Request bodies of the SMS routes. */
final class SmsRequests {

    static final String REQUIRED = "to, from, and body are required";

    private SmsRequests() {
    }

    record Send(@InvalidValueMessage(value = REQUIRED, code = "missing_fields") String to,
                @InvalidValueMessage(value = REQUIRED, code = "missing_fields") String from,
                @InvalidValueMessage(value = REQUIRED, code = "missing_fields") String body,
                @InvalidValueMessage(value = "userId must be a string of at most 200 characters", code = "invalid_user_id")
                String userId) {
    }

    /** The answer of an accepted send (and of its replays). */
    record Accepted(String messageId, MessageStatus status) {
    }
}
