package io.ringbridge.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.ringbridge.platform.db.SoftStateDatabase;
import io.ringbridge.ringcentral.RateLimitStatus;

/**
 * Keeps every extension's requests in RingCentral's Medium group (SMS sends, subscription writes) inside what
 * RingCentral allows, across all gateway instances: callers reserve slots before sending, report each answer's
 * rate-limit headers, and report 429s, which block the extension for the whole penalty. The state is a
 * {@link PacingWindow} per extension, in memory on H2 and in the soft-state pool on PostgreSQL (one short row lock
 * for the read-modify-write of a few hundred bytes, shared by the changes that arrive together; see
 * {@link SharedPacingWindows}).
 */
@Component
public class RingCentralPacer {

    /** Slots taken at one moment for one extension; unused ones are given back with {@link #release}. */
    public record Grant(String tenantId, String extensionId, long reservedAt, int slots) {
    }

    private final Clock clock;
    private final long marginMs;
    private final SharedPacingWindows shared;
    private final ConcurrentHashMap<String, PacingWindow> local = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    RingCentralPacer(Clock clock, SoftStateDatabase softState, MeterRegistry meters,
                     @Value("${ringbridge.pacing.margin:250ms}") Duration margin) {
        this.clock = clock;
        this.meters = meters;
        this.marginMs = margin.toMillis();
        this.shared = softState.shared().map(pool -> new SharedPacingWindows(pool, marginMs)).orElse(null);
    }

    public Grant reserve(String tenantId, String extensionId, int wanted) {
        long now = clock.millis();
        int granted = update(tenantId, extensionId, window -> window.reserve(now, wanted));
        return new Grant(tenantId, extensionId, now, granted);
    }

    public void release(Grant grant, int unused) {
        if (unused > 0) {
            report(grant.tenantId(), grant.extensionId(), window -> window.release(grant.reservedAt(), unused));
        }
    }

    /**
     * An answer to a request made under {@code grant} arrived carrying these rate-limit headers. An answer without
     * them did not come through RingCentral's per-user limiter (e.g. a 503 from in front of it), so the request did
     * not use the budget and its slot is given back.
     */
    public void answered(Grant grant, RateLimitStatus status) {
        if (status == null || !status.known()) {
            release(grant, 1);
            return;
        }
        if (status.group() != null && !status.group().equalsIgnoreCase("medium")) {
            return;
        }
        long now = clock.millis();
        report(grant.tenantId(), grant.extensionId(), window -> window.observe(grant.reservedAt(), now, status.limit(),
                status.window() == null ? null : status.window().toMillis(), status.remaining()));
    }

    /** RingCentral answered 429: no request of this extension's Medium group until {@code retryAfter} is over. */
    public void rejected(String tenantId, String extensionId, Duration retryAfter) {
        meters.counter("ringbridge.rc.rate_limited", "group", "medium").increment();
        long now = clock.millis();
        update(tenantId, extensionId, window -> {
            window.block(now, retryAfter.toMillis());
            return null;
        });
    }

    /**
     * A Medium-group request that does not wait for a slot (subscription create and delete, made while connecting
     * or repairing): it counts against the extension's window all the same, so the sends after it leave room for it.
     */
    public void used(String tenantId, String extensionId) {
        long now = clock.millis();
        update(tenantId, extensionId, window -> {
            window.record(now);
            return null;
        });
    }

    /** When the next slot can be reserved. */
    public Instant nextSlot(String tenantId, String extensionId) {
        long now = clock.millis();
        return Instant.ofEpochMilli(update(tenantId, extensionId, window -> window.nextSlot(now)));
    }

    /**
     * What became of a reserved slot (used and answered, or not used): nobody waits for it, so on the shared windows
     * it goes with their next write (see {@link SharedPacingWindows}).
     */
    private void report(String tenantId, String extensionId, Consumer<PacingWindow> outcome) {
        if (shared == null) {
            update(tenantId, extensionId, window -> {
                outcome.accept(window);
                return null;
            });
        } else {
            shared.report(tenantId + ":" + extensionId, outcome);
        }
    }

    private <T> T update(String tenantId, String extensionId, Function<PacingWindow, T> change) {
        String key = tenantId + ":" + extensionId;
        if (shared == null) {
            Object[] result = new Object[1];
            local.compute(key, (k, window) -> {
                PacingWindow current = window == null ? PacingWindow.fresh(marginMs) : window;
                result[0] = change.apply(current);
                return current;
            });
            @SuppressWarnings("unchecked")
            T value = (T) result[0];
            return value;
        }
        return shared.update(key, change);
    }
}
