package io.ringbridge.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;

import io.ringbridge.platform.web.InvalidValueMessage;

/** Request bodies of the app routes, named in the API reference as they are here. */
final class AppRequests {

    private AppRequests() {
    }

    @Schema(name = "RegisterAppRequest")
    record Register(
            @InvalidValueMessage(value = Names.INVALID, code = Names.CODE) String name,
            @InvalidValueMessage(value = "Invalid tenantId format", code = "invalid_tenant_id") String tenantId,
            @InvalidValueMessage(value = WebhookUrls.INVALID, code = WebhookUrls.CODE) String webhookUrl) {
    }

    /** For documentation: PUT takes these fields; an absent field is left as is, {@code webhookUrl: null} clears. */
    @Schema(name = "UpdateAppRequest")
    record Update(String name, String webhookUrl) {
    }
}
