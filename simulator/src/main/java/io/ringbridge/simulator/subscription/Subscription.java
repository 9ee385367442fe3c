package io.ringbridge.simulator.subscription;

import java.util.List;
import java.util.Objects;

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
    public record DisabledFilter(String filter, String reason, String message) {
    }

    Subscription(String id, String clientId, long accountId, long extensionId, String address,
                 String verificationToken, String baseUrl, List<EventFilter> filters,
                 List<DisabledFilter> disabledFilters, long expiresAtMillis) {
        this(id, clientId, accountId, extensionId, address, verificationToken, System.currentTimeMillis(), baseUrl,
                filters, disabledFilters, expiresAtMillis);
    }

    private Subscription(String id, String clientId, long accountId, long extensionId, String address,
                         String verificationToken, long createdAtMillis, String baseUrl, List<EventFilter> filters,
                         List<DisabledFilter> disabledFilters, long expiresAtMillis) {
        this.id = id;
        this.clientId = clientId;
        this.accountId = accountId;
        this.extensionId = extensionId;
        this.address = address;
        this.verificationToken = verificationToken;
        this.createdAtMillis = createdAtMillis;
        this.baseUrl = baseUrl;
        this.filters = List.copyOf(filters);
        this.disabledFilters = List.copyOf(disabledFilters);
        this.expiresAtMillis = expiresAtMillis;
    }

    /** The subscription as the state file keeps it; filters by their (expanded) text. */
    public record Saved(String id, String clientId, long accountId, long extensionId, String address,
                        String verificationToken, long createdAtMillis, String baseUrl, List<String> filters,
                        List<DisabledFilter> disabledFilters, long expiresAtMillis, boolean blacklisted,
                        long blacklistedAtMillis, String blacklistReason, long failingSinceMillis,
                        long lastReminderMillis) {
    }

    synchronized Saved saved() {
        return new Saved(id, clientId, accountId, extensionId, address, verificationToken, createdAtMillis, baseUrl,
                filters.stream().map(EventFilter::text).toList(), disabledFilters, expiresAtMillis, blacklisted,
                blacklistedAtMillis, blacklistReason, failingSinceMillis, lastReminderMillis);
    }

    static Subscription restore(Saved saved) {
        List<EventFilter> filters = saved.filters().stream().map(EventFilter::parse)
                .filter(Objects::nonNull).toList();
        Subscription s = new Subscription(saved.id(), saved.clientId(), saved.accountId(), saved.extensionId(),
                saved.address(), saved.verificationToken(), saved.createdAtMillis(), saved.baseUrl(), filters,
                saved.disabledFilters() == null ? List.of() : saved.disabledFilters(), saved.expiresAtMillis());
        s.blacklisted = saved.blacklisted();
        s.blacklistedAtMillis = saved.blacklistedAtMillis();
        s.blacklistReason = saved.blacklistReason();
        s.failingSinceMillis = saved.failingSinceMillis();
        s.lastReminderMillis = saved.lastReminderMillis();
        return s;
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
