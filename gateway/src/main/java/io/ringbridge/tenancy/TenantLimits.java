package io.ringbridge.tenancy;

import java.util.List;

/**
 * A tenant's limits in force (docs/API.md, "Tenant limits").
 *
 * @param destinationCountries the countries the operator allows the tenant to send to; {@code null}: any
 */
record TenantLimits(String tenantId, int requestsPerMinute, int appRequestsPerMinute, int maxApps,
                    List<String> destinationCountries) {
}
