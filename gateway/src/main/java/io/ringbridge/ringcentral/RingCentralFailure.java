package io.ringbridge.ringcentral;

/** A RingCentral call that did not succeed. Messages never contain tokens or secrets. */
public abstract sealed class RingCentralFailure extends RuntimeException
        permits RingCentralException, RingCentralUnreachableException, RateLimitDeferredException {

    RingCentralFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying again later can succeed (network trouble, 5xx, 429), as opposed to a refusal. */
    public abstract boolean transientFailure();
}
