package io.ringbridge.ringcentral;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * RingCentral answered with a status other than 2xx. Carries everything RingCentral said about it: the HTTP
 * status, every error code ({@code OAU-*}, {@code CMN-*}, {@code MSG-*}, {@code SUB-*}), the OAuth
 * {@code error} and its description, {@code Retry-After}, the rate-limit headers and the {@code RCRequestId}
 * RingCentral support asks for.
 */
public final class RingCentralException extends RingCentralFailure {

    private final String operation;
    private final int status;
    private final List<String> errorCodes;
    private final String oauthError;
    private final String description;
    private final Duration retryAfter;
    private final RateLimitStatus rateLimit;
    private final String requestId;

    RingCentralException(String operation, int status, List<String> errorCodes, String oauthError, String description,
                         Duration retryAfter, RateLimitStatus rateLimit, String requestId) {
        super(operation + " failed: HTTP " + status + (errorCodes.isEmpty() ? "" : " " + errorCodes)
                + (oauthError == null ? "" : " " + oauthError) + (description == null ? "" : " - " + description)
                + (requestId == null ? "" : " (RCRequestId " + requestId + ")"), null);
        this.operation = operation;
        this.status = status;
        this.errorCodes = List.copyOf(errorCodes);
        this.oauthError = oauthError;
        this.description = description;
        this.retryAfter = retryAfter;
        this.rateLimit = rateLimit;
        this.requestId = requestId;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    /** Every RingCentral error code in the answer, top-level first, without duplicates. */
    public List<String> errorCodes() {
        return errorCodes;
    }

    public boolean hasErrorCode(String code) {
        return errorCodes.contains(code);
    }

    /** The RFC 6749 {@code error} of an OAuth endpoint's answer, e.g. {@code invalid_grant}. */
    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }

    /** RingCentral's human-readable explanation ({@code error_description} or {@code message}). */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public RateLimitStatus rateLimit() {
        return rateLimit;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public boolean rateLimited() {
        return status == 429;
    }

    @Override
    public boolean transientFailure() {
        return status == 429 || status == 408 || status >= 500;
    }
}
