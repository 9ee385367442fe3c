package io.ringbridge.connection;

/**
 * Published (in-process) after a tenant's connection changed: an extension connected, reconnected, was removed or
 * changed status. Whatever caches connection data (e.g. which extension owns a number) drops the tenant's entries.
 */
record ConnectionChanged(String tenantId) {
}
