package io.ringbridge.tenancy;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * A tenant's status for background work (a queued message of a suspended tenant fails). Cached for a few
 * seconds: API requests see a status change at once; background work within the cache's lifetime.
 */
@Component
public class TenantStatuses {

    private final Tenants tenants;
    private final Cache<String, TenantStatus> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5)).maximumSize(100_000).build();

    TenantStatuses(Tenants tenants) {
        this.tenants = tenants;
    }

    /** Whether the tenant exists and is active. */
    public boolean active(String tenantId) {
        return cache.get(tenantId, id -> tenants.find(id).map(Tenant::status).orElse(TenantStatus.INACTIVE))
                == TenantStatus.ACTIVE;
    }
}
