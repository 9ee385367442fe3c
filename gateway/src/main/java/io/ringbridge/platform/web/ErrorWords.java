package io.ringbridge.platform.web;

import org.springframework.http.HttpStatus;

/** The error body for a bare status, when nothing more specific is known (container errors, {@code /error}). */
final class ErrorWords {

    private ErrorWords() {
    }

    static ApiError of(HttpStatus status, String requestId) {
        String error = switch (status) {
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case CONTENT_TOO_LARGE -> "Payload too large";
            case BAD_REQUEST -> "Bad request";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "Request header too large";
            default -> status.is5xxServerError() && status != HttpStatus.HTTP_VERSION_NOT_SUPPORTED
                    ? "Internal server error" : status.getReasonPhrase();
        };
        String code = switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case CONTENT_TOO_LARGE -> "payload_too_large";
            case BAD_REQUEST -> "bad_request";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "header_too_large";
            case HTTP_VERSION_NOT_SUPPORTED -> "http_version_not_supported";
            default -> status.is5xxServerError() ? "internal_error" : "http_" + status.value();
        };
        return new ApiError(error, code, requestId);
    }
}
