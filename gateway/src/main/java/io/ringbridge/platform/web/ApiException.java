package io.ringbridge.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller should see, with the contract's exact {@code error} string (docs/API.md) and a stable
 * machine {@code code}. Anything else that escapes a handler becomes a 500 without details.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, String> headers;
    private final String param;

    public ApiException(HttpStatus status, String error, String code) {
        this(status, error, code, Map.of());
    }

    public ApiException(HttpStatus status, String error, String code, Map<String, String> headers) {
        this(status, error, code, headers, null);
    }

    private ApiException(HttpStatus status, String error, String code, Map<String, String> headers, String param) {
        super(error, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
        this.param = param;
    }

    public static ApiException badRequest(String error, String code) {
        return new ApiException(HttpStatus.BAD_REQUEST, error, code);
    }

    /** A validation error: 400 naming the request field ({@code param}) that is missing or wrong. */
    public static ApiException invalid(String param, String error, String code) {
        return new ApiException(HttpStatus.BAD_REQUEST, error, code, Map.of(), param);
    }

    public static ApiException notFound(String error, String code) {
        return new ApiException(HttpStatus.NOT_FOUND, error, code);
    }

    public static ApiException forbidden(String error, String code) {
        return new ApiException(HttpStatus.FORBIDDEN, error, code);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return getMessage();
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The offending request field of a validation error, else {@code null}. */
    public String param() {
        return param;
    }
}
