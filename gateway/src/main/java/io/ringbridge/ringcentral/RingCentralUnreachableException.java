package io.ringbridge.ringcentral;

/**
 * No usable answer: the connection failed, timed out, or broke before a complete response arrived.
 * {@link #requestMayHaveArrived()} tells the caller whether RingCentral may nevertheless have acted on it
 * (the answer was lost), which matters for anything that must not happen twice, like sending an SMS.
 */
public final class RingCentralUnreachableException extends RingCentralFailure {

    private final boolean requestMayHaveArrived;

    RingCentralUnreachableException(String operation, boolean requestMayHaveArrived, Throwable cause) {
        super(operation + ": no answer from RingCentral (" + cause.getClass().getSimpleName() + ")"
                + (requestMayHaveArrived ? ", the request may have been processed" : ""), cause);
        this.requestMayHaveArrived = requestMayHaveArrived;
    }

    public boolean requestMayHaveArrived() {
        return requestMayHaveArrived;
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
