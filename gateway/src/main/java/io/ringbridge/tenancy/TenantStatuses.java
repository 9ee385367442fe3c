package io.ringbridge.tenancy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Whether a tenant is active, for background work (a queued message of a tenant that is not fails). Only "active"
 * is kept, and every instance drops it the moment the tenant changes ({@code TenantChanges}); "not active" is read
 * again each time, so a reactivated tenant's next message goes out at once everywhere.
 */
@Component
public class TenantStatuses {

    private final Tenants tenants;
    /** A safety net only: changes drop entries at once, and catching up drops them all. */
    private final Cache<String, Boolean> active = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();
    /** Bumped by every change: a read that began before a change is not kept (it may have read the old status). */
    private final AtomicLong generation = new AtomicLong();

    TenantStatuses(Tenants tenants) {
        this.tenants = tenants;
    }

    /** Whether the tenant exists and is active. */
    public boolean active(String tenantId) {
        if (active.getIfPresent(tenantId) != null) {
            return true;
        }
        long readIn = generation.get();
        boolean now = tenants.find(tenantId).map(Tenant::status).orElse(TenantStatus.INACTIVE) == TenantStatus.ACTIVE;
        if (now) {
            active.asMap().compute(tenantId, (id, kept) -> generation.get() == readIn ? Boolean.TRUE : kept);
        }
        return now;
    }

    /** After a committed change of the tenant. */
    void forget(String tenantId) {
        generation.incrementAndGet();
        active.invalidate(tenantId);
    }

    void forgetAll() {
        generation.incrementAndGet();
        active.invalidateAll();
    }
}
