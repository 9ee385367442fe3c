package io.ringbridge.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This instance's view of which senders have work and when each may next be served. Senders are served in
 * turn (round robin), a batch at a time, so a tenant with a deep backlog cannot starve the others; a sender
 * waiting for RingCentral's pacing steps aside until its next slot.
 */
final class SenderQueue {

    private final Map<Sender, Long> notBefore = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private int rotation;
    private boolean signalled;

    /** New work for a sender (e.g. a message was just accepted here): serve it as soon as possible. */
    void offer(Sender sender) {
        notBefore.merge(sender, 0L, Math::min);
        signal();
    }

    /** The senders the database says have due messages; others are forgotten, known ones keep their wait. */
    void refresh(Collection<Sender> due) {
        Set<Sender> current = new HashSet<>(due);
        notBefore.keySet().removeIf(sender -> !current.contains(sender));
        due.forEach(sender -> notBefore.putIfAbsent(sender, 0L));
        if (!due.isEmpty()) {
            signal();
        }
    }

    void later(Sender sender, long atMillis) {
        notBefore.computeIfPresent(sender, (s, current) -> Math.max(current, atMillis));
    }

    void done(Sender sender) {
        notBefore.remove(sender);
    }

    /**
     * The senders that may be served now, tenants interleaved (a tenant with many numbers gets no more turns than
     * one with a single number), starting one tenant further along each time.
     */
    List<Sender> ready(long nowMillis) {
        Map<String, List<Sender>> byTenant = new java.util.TreeMap<>();
        notBefore.forEach((sender, at) -> {
            if (at <= nowMillis) {
                byTenant.computeIfAbsent(sender.tenantId(), t -> new ArrayList<>()).add(sender);
            }
        });
        List<List<Sender>> tenants = new ArrayList<>(byTenant.values());
        if (tenants.isEmpty()) {
            return List.of();
        }
        java.util.Collections.rotate(tenants, -Math.floorMod(rotation++, tenants.size()));
        List<Sender> interleaved = new ArrayList<>();
        for (int round = 0; interleaved.size() < notBefore.size(); round++) {
            boolean any = false;
            for (List<Sender> senders : tenants) {
                if (round < senders.size()) {
                    interleaved.add(senders.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return interleaved;
    }

    /** Waits for new work, the next sender's time, or at most {@code maxMillis}. */
    void await(long nowMillis, long maxMillis) throws InterruptedException {
        long wait = maxMillis;
        for (long at : notBefore.values()) {
            wait = Math.min(wait, Math.max(0, at - nowMillis));
        }
        if (wait <= 0) {
            return;
        }
        lock.lock();
        try {
            if (!signalled) {
                work.await(wait, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } finally {
            lock.unlock();
        }
    }

    void signal() {
        lock.lock();
        try {
            signalled = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
