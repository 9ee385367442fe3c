package io.ringbridge.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.ids.IdKind;
import io.ringbridge.platform.web.ApiException;

@Service
class TenantService {

    private final Tenants tenants;
    private final Clock clock;
    private final TenantChanges changes;
    private final TransactionTemplate transactions;

    TenantService(Tenants tenants, Clock clock, TenantChanges changes, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.clock = clock;
        this.changes = changes;
        this.transactions = transactions;
    }

    Tenant create(String name) {
        Instant now = clock.instant();
        Tenant tenant = new Tenant(IdKind.TENANT.next(), Names.require(name), TenantStatus.ACTIVE, now, now);
        tenants.insert(tenant);
        return tenant;
    }

    List<Tenant> list() {
        return tenants.list();
    }

    Tenant get(String tenantId) {
        requireFormat(tenantId);
        return tenants.find(tenantId).orElseThrow(() -> ApiException.notFound("Tenant not found", "tenant_not_found"));
    }

    Tenant update(String tenantId, TenantRequests.Update request) {
        Tenant current = get(tenantId);
        String name = request.name() == null ? current.name() : Names.require(request.name());
        TenantStatus status = current.status();
        if (request.status() != null) {
            status = TenantStatus.parse(request.status()).orElseThrow(() -> ApiException.invalid("status",
                    "status must be one of active, suspended, inactive", "invalid_status"));
        }
        Instant now = clock.instant();
        TenantStatus changedTo = status;
        transactions.executeWithoutResult(tx -> {
            tenants.update(tenantId, name, changedTo, now);
            // Every instance, this one before the answer goes out, drops what it kept about the tenant.
            changes.changed(tenantId);
        });
        return new Tenant(tenantId, name, status, current.createdAt(), now);
    }

    static void requireFormat(String tenantId) {
        if (!IdKind.TENANT.matches(tenantId)) {
            throw ApiException.invalid("tenantId", "Invalid tenantId format", "invalid_tenant_id");
        }
    }
}
