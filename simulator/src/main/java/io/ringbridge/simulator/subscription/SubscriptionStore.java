package io.ringbridge.simulator.subscription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live subscriptions by id. Expired subscriptions are purged (and are invisible even before the sweep), so an
 * expired id answers 404 like RingCentral.
 */
public final class SubscriptionStore {
    private final ConcurrentHashMap<String, Subscription> byId = new ConcurrentHashMap<>();

    void add(Subscription subscription) {
        byId.put(subscription.id, subscription);
    }

    /** A live (not expired) subscription. */
    public Optional<Subscription> find(String id) {
        Subscription s = id == null ? null : byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expired(System.currentTimeMillis())) {
            byId.remove(id, s);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    boolean remove(String id) {
        return byId.remove(id) != null;
    }

    /** Live subscriptions of one user and app, oldest first. */
    List<Subscription> of(long extensionId, String clientId) {
        List<Subscription> list = new ArrayList<>();
        for (Subscription s : live()) {
            if (s.extensionId == extensionId && s.clientId.equals(clientId)) {
                list.add(s);
            }
        }
        return list;
    }

    /** Live subscriptions that may receive events of an extension. */
    List<Subscription> watching(long extensionId) {
        List<Subscription> list = new ArrayList<>();
        if (byId.isEmpty()) {
            return list;
        }
        long now = System.currentTimeMillis();
        for (Subscription s : byId.values()) {
            if (s.extensionId == extensionId && !s.expired(now)) {
                list.add(s);
            }
        }
        return list;
    }

    public List<Subscription> live() {
        long now = System.currentTimeMillis();
        List<Subscription> list = new ArrayList<>();
        for (Subscription s : byId.values()) {
            if (!s.expired(now)) {
                list.add(s);
            }
        }
        list.sort(Comparator.comparingLong((Subscription s) -> s.createdAtMillis).thenComparing(s -> s.id));
        return list;
    }

    /** Drops expired subscriptions (run periodically). */
    void purgeExpired() {
        long now = System.currentTimeMillis();
        byId.values().removeIf(s -> s.expired(now));
    }

    /** Live subscriptions, for the state file. */
    List<Subscription.Saved> snapshot() {
        return live().stream().map(Subscription::saved).toList();
    }

    /** Replaces every subscription with those of the state file (expired ones are dropped by the next sweep). */
    void restore(List<Subscription.Saved> saved) {
        byId.clear();
        for (Subscription.Saved s : saved) {
            add(Subscription.restore(s));
        }
    }

    void reset() {
        byId.clear();
    }
}
