package io.ringbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code rc_connection}: an extension of the tenant changed status, or was connected or removed. Every app of the
 * tenant hears of it.
 *
 * @param status an extension status as the API spells it, or {@code disconnected}
 */
@JsonPropertyOrder({"extensionId", "status"})
public record ConnectionEvent(@JsonIgnore String tenantId, String extensionId, String status) implements AppEvent {

    public static final String TYPE = "rc_connection";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String audienceAppId() {
        return null;
    }
}
