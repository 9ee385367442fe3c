package io.ringbridge.tenancy;

import java.util.List;

/** The answer of {@code GET /v1/tenants}. */
record TenantList(List<Tenant> tenants) {
}
