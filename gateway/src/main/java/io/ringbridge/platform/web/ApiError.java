package io.ringbridge.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The error body of every failed API call: {@code {"error", "code", "requestId"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String code, String requestId) {
}
