package io.ringbridge.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error body of every failed API call: {@code {"error", "code", "requestId"}}, and for a validation error
 * {@code param}, the request field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String code, String requestId, String param) {

    public ApiError(String error, String code, String requestId) {
        this(error, code, requestId, null);
    }
}
