package io.ringbridge.tenancy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An app as listed and shown: never its key or its webhook secret. */
record App(@JsonProperty("appId") String id, String tenantId, String name, String apiKeyPrefix, String webhookUrl,
           String status, Instant createdAt, Instant updatedAt, Instant lastUsedAt) {
}
