package io.ringbridge.ringcentral;

import java.net.ConnectException;
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

    /** No answer: the connection was refused, so the request certainly did not arrive. */
    public static RingCentralUnreachableException unreachable(String operation) {
        return new RingCentralUnreachableException(operation, false, new ConnectException("Connection refused"));
    }
}
