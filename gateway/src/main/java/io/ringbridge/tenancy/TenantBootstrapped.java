package io.ringbridge.tenancy;

/** The first start created this tenant and app (its key was shown on the console, and is not carried here). */
public record TenantBootstrapped(String tenantId, String appId) {
}
