package io.ringbridge.tenancy;

import io.ringbridge.platform.web.InvalidValueMessage;

/** Request bodies of the app routes. */
final class AppRequests {

    private AppRequests() {
    }

    record Register(
            @InvalidValueMessage(value = Names.INVALID, code = Names.CODE) String name,
            @InvalidValueMessage(value = "Invalid tenantId format", code = "invalid_tenant_id") String tenantId,
            @InvalidValueMessage(value = WebhookUrls.INVALID, code = WebhookUrls.CODE) String webhookUrl) {
    }

    /** For documentation: PUT takes these fields; an absent field is left as is, {@code webhookUrl: null} clears. */
    record Update(String name, String webhookUrl) {
    }
}
