package io.ringbridge.tenancy;

/** The answer to a registration: the only time the API key and the webhook secret are shown. */
record RegisteredApp(String appId, String name, String apiKey, String apiKeyPrefix, Role role, String tenantId,
                     String webhookUrl, String webhookSecret) {
}
