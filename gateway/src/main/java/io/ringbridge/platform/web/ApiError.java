package io.ringbridge.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error body of every failed API call: {@code {"error", "code", "param", "requestId"}}; {@code param} names the
 * offending field of a validation error and is left out otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String code, String param, String requestId) {

    public ApiError(String error, String code, String requestId) {
        this(error, code, null, requestId);
    }
}
