package io.ringbridge.simulator.subscription;

import java.util.List;

/** A webhook subscription. Mutable state is written under the object's monitor and read volatile. */
public final class Subscription {
    final String id;
    final String clientId;
    final long accountId;
    final long extensionId;
    final String address;
    final String verificationToken;
    final long createdAtMillis;
    /** Base URL of the creating request, for the {@code uri} field. */
    final String baseUrl;
    volatile List<EventFilter> filters;
    volatile List<DisabledFilter> disabledFilters;
    volatile long expiresAtMillis;
    volatile boolean blacklisted;
    volatile long blacklistedAtMillis;
    volatile String blacklistReason;
    /** Start of the current run of failed deliveries; 0 = last delivery succeeded. */
    volatile long failingSinceMillis;
    /** When the last expiry reminder went out; 0 = none since creation or the last renewal. */
    volatile long lastReminderMillis;

    /** A filter the app may not use (no permission), reported in {@code disabledFilters}. */
    record DisabledFilter(String filter, String reason, String message) {
    }

    Subscription(String id, String clientId, long accountId, long extensionId, String address,
                 String verificationToken, String baseUrl, List<EventFilter> filters,
                 List<DisabledFilter> disabledFilters, long expiresAtMillis) {
        this.id = id;
        this.clientId = clientId;
        this.accountId = accountId;
        this.extensionId = extensionId;
        this.address = address;
        this.verificationToken = verificationToken;
        this.createdAtMillis = System.currentTimeMillis();
        this.baseUrl = baseUrl;
        this.filters = List.copyOf(filters);
        this.disabledFilters = List.copyOf(disabledFilters);
        this.expiresAtMillis = expiresAtMillis;
    }

    public String id() {
        return id;
    }

    public String address() {
        return address;
    }

    public boolean blacklisted() {
        return blacklisted;
    }

    boolean expired(long now) {
        return now >= expiresAtMillis;
    }

    synchronized void blacklist(String reason) {
        if (!blacklisted) {
            blacklistedAtMillis = System.currentTimeMillis();
            blacklistReason = reason;
            blacklisted = true;
        }
    }

    /** Records a delivery result; returns true when this failure blacklists the subscription. */
    synchronized boolean recordDelivery(boolean ok, String failure, long blacklistAfterMillis) {
        long now = System.currentTimeMillis();
        if (ok) {
            failingSinceMillis = 0;
            return false;
        }
        if (failingSinceMillis == 0) {
            failingSinceMillis = now;
        }
        if (!blacklisted && now - failingSinceMillis >= blacklistAfterMillis) {
            blacklist(failure);
            return true;
        }
        return false;
    }
}
