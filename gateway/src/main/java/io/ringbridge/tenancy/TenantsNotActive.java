package io.ringbridge.tenancy;

import java.util.List;

/**
 * Announced on every instance, in-process: tenants that are not active (suspended or inactive), whose waiting work
 * should stop. Comes for a tenant when a change leaves it not active, and for all of them whenever the instance
 * catches up on changes it may have missed, so the same tenant may be named again.
 */
public record TenantsNotActive(List<String> tenantIds) {

    public TenantsNotActive {
        tenantIds = List.copyOf(tenantIds);
    }
}
