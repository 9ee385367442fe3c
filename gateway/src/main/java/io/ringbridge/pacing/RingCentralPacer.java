package io.ringbridge.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import io.ringbridge.ringcentral.RateLimitStatus;
import io.ringbridge.ringcentral.RingCentralException;
import io.ringbridge.ringcentral.RingCentralUnreachableException;

/**
 * Keeps every extension's requests in RingCentral's Medium group (SMS sends, subscription writes) inside what
 * RingCentral allows, across all gateway instances (see the package documentation for how a call is paced).
 */
@Component
public class RingCentralPacer {

    /** Without {@code Retry-After}, a 429 is taken to bar the extension for a full window. */
    private static final Duration DEFAULT_PENALTY = Duration.ofSeconds(60);

    /** Slots taken at one moment for one extension; each paced call uses one, unused ones are {@link #release}d. */
    public record Grant(String tenantId, String extensionId, long reservedAt, int slots) {
    }

    private final PacingStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    RingCentralPacer(PacingStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /** Takes up to {@code wanted} slots of the extension's window now; the grant may hold none. */
    public Grant reserve(String tenantId, String extensionId, int wanted) {
        long now = clock.millis();
        int granted = store.update(key(tenantId, extensionId), window -> window.reserve(now, wanted));
        return new Grant(tenantId, extensionId, now, granted);
    }

    /** When the next slot can be reserved. */
    public Instant nextSlot(String tenantId, String extensionId) {
        long now = clock.millis();
        return Instant.ofEpochMilli(store.update(key(tenantId, extensionId), window -> window.nextSlot(now)));
    }

    /** Gives back slots of {@code grant} that no request will use. */
    public void release(Grant grant, int unused) {
        if (unused > 0) {
            store.report(key(grant), window -> window.release(grant.reservedAt(), unused));
        }
    }

    /**
     * Makes one RingCentral request with one slot of {@code grant} and records what became of it: the answer's
     * rate-limit headers ({@code rateLimit} reads them from a success), a 429's penalty, or, when the request surely
     * never reached RingCentral, the slot given back. Failures are rethrown as they came.
     */
    public <T> T call(Grant grant, Supplier<T> request, Function<? super T, RateLimitStatus> rateLimit) {
        T answer;
        try {
            answer = request.get();
        } catch (RingCentralException refused) {
            answered(grant, refused.rateLimit());
            if (refused.rateLimited()) {
                penalised(grant, penalty(refused));
            }
            throw refused;
        } catch (RingCentralUnreachableException unanswered) {
            // A request whose answer was lost keeps its slot: RingCentral may have counted it.
            if (!unanswered.requestMayHaveArrived()) {
                release(grant, 1);
            }
            throw unanswered;
        }
        answered(grant, rateLimit.apply(answer));
        return answer;
    }

    /**
     * Makes a Medium-group request that does not wait for a slot (subscription create and delete, made while
     * connecting or repairing): it counts against the extension's window all the same, so the sends after it leave
     * room for it.
     */
    public <T> T callUnreserved(String tenantId, String extensionId, Supplier<T> request) {
        long now = clock.millis();
        store.update(key(tenantId, extensionId), window -> {
            window.record(now);
            return null;
        });
        return request.get();
    }

    /** {@link #callUnreserved(String, String, Supplier)} for a request without an answer body. */
    public void callUnreserved(String tenantId, String extensionId, Runnable request) {
        callUnreserved(tenantId, extensionId, () -> {
            request.run();
            return null;
        });
    }

    /** How long a 429 bars the extension: its {@code Retry-After}, or a full window when it gave none. */
    public static Duration penalty(RingCentralException rateLimited) {
        return rateLimited.retryAfter().orElse(DEFAULT_PENALTY);
    }

    /**
     * An answer without rate-limit headers did not come through RingCentral's per-user limiter (e.g. a 503 from in
     * front of it), so the request did not use the budget and its slot is given back. An answer about another group
     * than Medium says nothing about this window; the slot stays counted until it ages out.
     */
    private void answered(Grant grant, RateLimitStatus status) {
        if (status == null || !status.known()) {
            release(grant, 1);
            return;
        }
        if (status.group() != null && !status.group().equalsIgnoreCase("medium")) {
            return;
        }
        long now = clock.millis();
        store.report(key(grant), window -> window.observe(grant.reservedAt(), now, status.limit(),
                status.window() == null ? null : status.window().toMillis(), status.remaining()));
    }

    /** No request of this extension's Medium group until the penalty is over. */
    private void penalised(Grant grant, Duration penalty) {
        meters.counter("ringbridge.rc.rate_limited", "group", "medium").increment();
        long now = clock.millis();
        store.update(key(grant), window -> {
            window.block(now, penalty.toMillis());
            return null;
        });
    }

    private static String key(Grant grant) {
        return key(grant.tenantId(), grant.extensionId());
    }

    private static String key(String tenantId, String extensionId) {
        return tenantId + ":" + extensionId;
    }
}
