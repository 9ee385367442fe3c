package io.ringbridge.ringcentral;

import java.time.Instant;

/**
 * A RingCentral request the gateway did not make: the extension's budget in its throttling group is spent, or a
 * penalty is running (a request during it would restart it). Transient: it can be made at {@link #retryAt()}.
 */
public final class RateLimitDeferredException extends RingCentralFailure {

    private final RateLimitGroup group;
    private final Instant retryAt;

    public RateLimitDeferredException(RateLimitGroup group, Instant retryAt) {
        super("RingCentral's " + group.label() + " request budget of this extension is spent until " + retryAt
                + "; the request was not made", null);
        this.group = group;
        this.retryAt = retryAt;
    }

    public RateLimitGroup group() {
        return group;
    }

    public Instant retryAt() {
        return retryAt;
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
