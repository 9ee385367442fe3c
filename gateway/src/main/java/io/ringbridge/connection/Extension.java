package io.ringbridge.connection;

import java.time.Instant;

/** A connected RingCentral user of a tenant, without its tokens (those stay sealed in {@link TokenVault}). */
record Extension(String tenantId, String extensionId, String rcAccountId, String extensionNumber, String name,
                 boolean primary, ExtensionStatus status, AppSource appSource, Instant accessExpiresAt,
                 Instant refreshExpiresAt, String scope, Instant nextRefreshAt, int refreshFailures,
                 String lastRefreshError, Instant connectedAt, Instant updatedAt) {
}
