package io.ringbridge.tenancy;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.config.RingBridgeProperties;

/** A tenant's budgets and app cap in force: its own where the operator set them, else the deployment's. */
@Component
class TenantQuotas {

    /**
     * @param requestsPerMinute    requests all the tenant's app keys may make together per minute
     * @param appRequestsPerMinute requests each of its app keys may make per minute
     * @param maxApps              apps it may have at once
     */
    record Quotas(int requestsPerMinute, int appRequestsPerMinute, int maxApps) {
    }

    private final TenantSettings settings;
    private final RingBridgeProperties.Limits defaults;

    TenantQuotas(TenantSettings settings, RingBridgeProperties properties) {
        this.settings = settings;
        this.defaults = properties.limits();
    }

    Quotas of(String tenantId) {
        return inForce(settings.of(tenantId));
    }

    Quotas inForce(TenantSettings.Stored stored) {
        return new Quotas(
                stored.requestsPerMinute() == null ? defaults.tenantRequestsPerMinute() : stored.requestsPerMinute(),
                stored.appRequestsPerMinute() == null ? defaults.appRequestsPerMinute() : stored.appRequestsPerMinute(),
                stored.maxApps() == null ? defaults.appsPerTenant() : stored.maxApps());
    }
}
