package io.ringbridge.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import io.ringbridge.ringcentral.RateLimitDeferredException;
import io.ringbridge.ringcentral.RateLimitGroup;
import io.ringbridge.ringcentral.RateLimitStatus;
import io.ringbridge.ringcentral.RingCentralException;
import io.ringbridge.ringcentral.RingCentralUnreachableException;

/**
 * Keeps every extension's requests in each of RingCentral's throttling groups inside what RingCentral allows,
 * across all gateway instances, and makes none during a penalty (see the package documentation for how a call is
 * paced).
 */
@Component
public class RingCentralPacer {

    /** Slots taken at one moment in one extension's group; each paced call uses one, unused ones are {@link #release}d. */
    public record Grant(String tenantId, String extensionId, RateLimitGroup group, long reservedAt, int slots) {
        PacingKey key() {
            return new PacingKey(tenantId, extensionId, group);
        }
    }

    private final PacingStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    RingCentralPacer(PacingStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /** Takes up to {@code wanted} slots of the extension's window in {@code group} now; the grant may hold none. */
    public Grant reserve(String tenantId, String extensionId, RateLimitGroup group, int wanted) {
        long now = clock.millis();
        int granted = store.update(new PacingKey(tenantId, extensionId, group), window -> window.reserve(now, wanted));
        return new Grant(tenantId, extensionId, group, now, granted);
    }

    /** When the next slot of the extension's window in {@code group} can be reserved. */
    public Instant nextSlot(String tenantId, String extensionId, RateLimitGroup group) {
        long now = clock.millis();
        return Instant.ofEpochMilli(store.update(new PacingKey(tenantId, extensionId, group), window -> window.nextSlot(now)));
    }

    /** Gives back slots of {@code grant} that no request will use. */
    public void release(Grant grant, int unused) {
        if (unused > 0) {
            store.report(grant.key(), window -> window.release(grant.reservedAt(), unused));
        }
    }

    /**
     * Makes one RingCentral request with one slot of {@code grant} and records what became of it: the answer's
     * rate-limit headers ({@code rateLimit} reads them from a success; {@code null} when it cannot, and the slot
     * then stays counted), a 429's penalty, or, when the request surely never reached RingCentral, the slot given
     * back. Failures are rethrown as they came.
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
            if (unanswered.requestMayHaveArrived()) {
                // Its slot stays counted (RingCentral may have counted it) but is no longer in flight: a lost
                // answer must not hold one of the few in-flight places for a whole window.
                long now = clock.millis();
                store.report(grant.key(), window -> window.observe(grant.reservedAt(), now, null, null, null));
            } else {
                release(grant, 1);
            }
            throw unanswered;
        }
        if (rateLimit == null) {
            long now = clock.millis();
            store.report(grant.key(), window -> window.observe(grant.reservedAt(), now, null, null, null));
        } else {
            answered(grant, rateLimit.apply(answer));
        }
        return answer;
    }

    /**
     * Makes one request of {@code group} now if the extension's window has room, else makes none and throws
     * {@link RateLimitDeferredException} with the moment it may: for the occasional calls (message-store reads,
     * subscription calls, token refreshes) whose callers retry later anyway.
     */
    public <T> T callNow(String tenantId, String extensionId, RateLimitGroup group, Supplier<T> request,
                         Function<? super T, RateLimitStatus> rateLimit) {
        Grant grant = reserve(tenantId, extensionId, group, 1);
        if (grant.slots() == 0) {
            throw new RateLimitDeferredException(group, nextSlot(tenantId, extensionId, group));
        }
        return call(grant, request, rateLimit);
    }

    /** {@link #callNow(String, String, RateLimitGroup, Supplier, Function)} for an answer without rate-limit headers. */
    public <T> T callNow(String tenantId, String extensionId, RateLimitGroup group, Supplier<T> request) {
        return callNow(tenantId, extensionId, group, request, null);
    }

    /** {@link #callNow(String, String, RateLimitGroup, Supplier)} for a request without an answer body. */
    public void callNow(String tenantId, String extensionId, RateLimitGroup group, Runnable request) {
        callNow(tenantId, extensionId, group, () -> {
            request.run();
            return null;
        });
    }

    /** How long a 429 bars the extension's group: its {@code Retry-After}, or a full window when it gave none. */
    public static Duration penalty(RingCentralException rateLimited) {
        return rateLimited.retryAfter().orElse(RateLimitGroup.WINDOW);
    }

    /**
     * An answer without rate-limit headers did not come through RingCentral's per-user limiter (e.g. a 503 from in
     * front of it), so the request did not use the budget and its slot is given back. An answer about another group
     * says nothing about this window; the slot stays counted until it ages out.
     */
    private void answered(Grant grant, RateLimitStatus status) {
        if (status == null || !status.known()) {
            release(grant, 1);
            return;
        }
        if (status.group() != null && !grant.group().named(status.group())) {
            return;
        }
        long now = clock.millis();
        store.report(grant.key(), window -> window.observe(grant.reservedAt(), now, status.limit(),
                status.window() == null ? null : status.window().toMillis(), status.remaining()));
    }

    /** No request of this extension's group until the penalty is over. */
    private void penalised(Grant grant, Duration penalty) {
        meters.counter("ringbridge.rc.rate_limited", "group", grant.group().label()).increment();
        long now = clock.millis();
        store.update(grant.key(), window -> {
            window.block(now, penalty.toMillis());
            return null;
        });
    }
}
