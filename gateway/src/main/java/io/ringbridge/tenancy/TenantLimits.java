package io.ringbridge.tenancy;

import java.util.List;

/**
 * A tenant's limits in force (docs/API.md, "Tenant limits").
 *
 * @param destinationCountries the countries the operator allows the tenant to send to; {@code null}: any
 */
record TenantLimits(String tenantId, int requestsPerMinute, int appRequestsPerMinute, int maxApps,
                    List<String> destinationCountries) {

    /** For documentation: PATCH takes these fields; an absent field is left as is, {@code null} is the default. */
    record Change(Integer requestsPerMinute, Integer appRequestsPerMinute, Integer maxApps,
                  List<String> destinationCountries) {
    }
}
