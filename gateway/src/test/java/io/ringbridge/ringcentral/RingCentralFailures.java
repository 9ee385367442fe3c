package io.ringbridge.ringcentral;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

/** RingCentral's failures as the client raises them, for unit tests of code that handles them. */
public final class RingCentralFailures {

    private RingCentralFailures() {
    }

    /** A non-2xx answer with these rate-limit headers and {@code Retry-After} (null: absent). */
    public static RingCentralException refused(int status, RateLimitStatus rateLimit, Duration retryAfter) {
        return new RingCentralException("sendSms", status, List.of(), null, null, retryAfter, rateLimit, null);
    }

    /** No usable answer: the connection failed before the request was sent, or the answer was lost. */
    public static RingCentralUnreachableException unreachable(boolean requestMayHaveArrived) {
        IOException cause = requestMayHaveArrived ? new IOException("connection reset") : new ConnectException("refused");
        return new RingCentralUnreachableException("sendSms", requestMayHaveArrived, cause);
    }
}
