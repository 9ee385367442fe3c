package io.ringbridge.ringcentral;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

/**
 * RingCentral's failures built directly, for unit tests of the code that reads them without a RingCentral to
 * answer (the client's own tests get them from the simulator).
 */
public final class RingCentralAnswers {

    private RingCentralAnswers() {
    }

    /** A non-2xx answer with RingCentral's error codes and nothing else. */
    public static RingCentralException refusal(int status, String... errorCodes) {
        return refusal(status, List.of(errorCodes), null, null, null);
    }

    /** An OAuth endpoint's non-2xx answer: its RFC 6749 {@code error}, description and error codes. */
    public static RingCentralException oauthRefusal(int status, String oauthError, String description, String... errorCodes) {
        return refusal(status, List.of(errorCodes), oauthError, description, null);
    }

    public static RingCentralException refusal(int status, List<String> errorCodes, String oauthError, String description,
                                               String requestId) {
        return new RingCentralException("test call", status, errorCodes, oauthError, description, null,
                new RateLimitStatus(null, null, null, null), requestId);
    }

    /** A refused send with these rate-limit headers and {@code Retry-After} (null: absent). */
    public static RingCentralException refused(int status, RateLimitStatus rateLimit, Duration retryAfter) {
        return new RingCentralException("sendSms", status, List.of(), null, null, retryAfter, rateLimit, null);
    }

    /** A send with no usable answer: the connection failed before the request was sent, or the answer was lost. */
    public static RingCentralUnreachableException unreachable(boolean requestMayHaveArrived) {
        IOException cause = requestMayHaveArrived ? new IOException("connection reset") : new ConnectException("refused");
        return new RingCentralUnreachableException("sendSms", requestMayHaveArrived, cause);
    }

    /** No answer: the connection was refused, so the request certainly did not arrive. */
    public static RingCentralUnreachableException unreachable(String operation) {
        return new RingCentralUnreachableException(operation, false, new ConnectException("Connection refused"));
    }
}
