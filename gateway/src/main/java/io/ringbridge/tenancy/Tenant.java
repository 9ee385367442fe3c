package io.ringbridge.tenancy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One customer: one RingCentral account, its apps and its messages. */
record Tenant(@JsonProperty("tenantId") String id, String name, TenantStatus status, Instant createdAt,
                     Instant updatedAt) {
}
