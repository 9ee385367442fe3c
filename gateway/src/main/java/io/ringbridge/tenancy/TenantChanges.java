package io.ringbridge.tenancy;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.ringbridge.platform.db.DatabaseNotifications;
import io.ringbridge.platform.db.NotificationChannel;
import io.ringbridge.platform.db.NotificationListener;

/**
 * Makes a change to a tenant, its apps or their keys take effect on every instance at once: it is announced with
 * its commit, and each instance then drops what it kept (keys, the tenant's status) and, for a tenant that is no
 * longer active, announces {@link TenantsNotActive} in-process.
 */
@Component
class TenantChanges implements NotificationListener<String> {

    /** The payload is the id of the tenant that changed. */
    static final NotificationChannel<String> CHANNEL = NotificationChannel.ofStrings("tenant_changed");

    private final DatabaseNotifications notifications;
    private final Tenants tenants;
    private final TenantStatuses statuses;
    private final ApiKeyLookup keys;
    private final ApplicationEventPublisher events;

    TenantChanges(DatabaseNotifications notifications, Tenants tenants, TenantStatuses statuses, ApiKeyLookup keys,
                  ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.tenants = tenants;
        this.statuses = statuses;
        this.keys = keys;
        this.events = events;
        notifications.subscribe(CHANNEL, this);
    }

    /** Call within the transaction of the change (or after it, without one). */
    void changed(String tenantId) {
        notifications.publish(CHANNEL, tenantId);
    }

    @Override
    public void notified(String tenantId) {
        keys.forgetAll();
        statuses.forget(tenantId);
        if (!statuses.active(tenantId)) {
            events.publishEvent(new TenantsNotActive(List.of(tenantId)));
        }
    }

    @Override
    public void catchUp() {
        keys.forgetAll();
        statuses.forgetAll();
        List<String> notActive = tenants.notActive();
        if (!notActive.isEmpty()) {
            events.publishEvent(new TenantsNotActive(notActive));
        }
    }
}
