package io.ringbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code sms_status}: a message's status changed. Only its own app hears of it.
 *
 * @param status      the message's new status, as the API spells it
 * @param rcMessageId RingCentral's id of the message, once known
 * @param error       why the message failed or waits, when it did
 */
@JsonPropertyOrder({"messageId", "appId", "status", "rcMessageId", "error"})
public record SmsStatusEvent(@JsonIgnore String tenantId, String messageId, String appId, String status,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String rcMessageId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String error) implements AppEvent {

    public static final String TYPE = "sms_status";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String audienceAppId() {
        return appId;
    }
}
