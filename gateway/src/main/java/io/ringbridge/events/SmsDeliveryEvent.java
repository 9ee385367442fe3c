package io.ringbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * [ext] {@code sms_delivery}: RingCentral's receipt for a sent message arrived. The message's status stays
 * {@code sent}. Only the app that sent the message hears of it, as with {@code sms_status}.
 *
 * @param deliveryStatus {@code delivered} or {@code undelivered}
 * @param error          why it was not delivered, when it was not
 */
@JsonPropertyOrder({"messageId", "appId", "deliveryStatus", "error"})
public record SmsDeliveryEvent(@JsonIgnore String tenantId, String messageId, String appId, String deliveryStatus,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String error) implements AppEvent {

    public static final String TYPE = "sms_delivery";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String audienceAppId() {
        return appId;
    }
}
