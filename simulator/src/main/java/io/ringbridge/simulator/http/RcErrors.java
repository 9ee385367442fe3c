package io.ringbridge.simulator.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RingCentral's error bodies. REST API errors: {@code {errorCode, message, errors:[{errorCode, message, …}]}};
 * OAuth errors: {@code {error, errors:[…], error_description}} (RFC 6749 plus RingCentral's errors array).
 */
public final class RcErrors {
    private RcErrors() {
    }

    /** A plain REST API error ({@code ApiErrorResponseModel} with the legacy top-level summary). */
    public static ApiException api(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorCode", code);
        body.put("message", message);
        body.put("errors", List.of(error));
        return new ApiException(status, body);
    }

    /** An error about one request parameter ({@code ParameterizedErrorResponseModel}). */
    public static ApiException parameter(int status, String code, String message, String parameterName) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", code);
        error.put("message", message);
        error.put("parameterName", parameterName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorCode", code);
        body.put("message", message);
        body.put("errors", List.of(error));
        body.put("parameterName", parameterName);
        return new ApiException(status, body);
    }

    /** CMN-101 "Parameter [x] value is invalid" (HTTP 400). */
    public static ApiException invalidParameter(String parameterName) {
        return parameter(400, "CMN-101", "Parameter [" + parameterName + "] value is invalid", parameterName);
    }

    /** CMN-102 "Resource for parameter [x] is not found" (HTTP 404). */
    public static ApiException notFound(String parameterName) {
        return parameter(404, "CMN-102", "Resource for parameter [" + parameterName + "] is not found", parameterName);
    }

    /** CMN-401: the application lacks a permission (HTTP 403). */
    public static ApiException permissionRequired(String permission) {
        String message = "In order to call this API endpoint, application needs to have [" + permission + "] permission";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", "CMN-401");
        error.put("message", message);
        error.put("permissionName", permission);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorCode", "CMN-401");
        body.put("message", message);
        body.put("errors", List.of(error));
        body.put("permissionName", permission);
        return new ApiException(403, body);
    }

    /** An OAuth endpoint error. */
    public static ApiException oauth(int status, String error, String code, String description) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("errorCode", code);
        item.put("message", description);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("errors", List.of(item));
        body.put("error_description", description);
        return new ApiException(status, body);
    }

    /** OAU-123, exactly as RingCentral answers a token request without client authentication. */
    public static ApiException clientAuthenticationRequired() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("errorCode", "OAU-123");
        item.put("message", "Client authentication is required");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_client");
        body.put("error_description", "Client authentication is required");
        body.put("errors", List.of(item));
        return new ApiException(401, body);
    }

    /** OAU-153 "Invalid client: …", as observed when the secret is sent in the body or credentials are wrong. */
    public static ApiException invalidClient(String clientId) {
        String value = clientId == null ? "" : clientId;
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("parameterName", "client_id");
        parameter.put("parameterValue", value);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("errorCode", "OAU-153");
        item.put("message", "Invalid client: " + value);
        item.put("parameters", List.of(parameter));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_client");
        body.put("errors", List.of(item));
        body.put("error_description", "Invalid client: " + value);
        return new ApiException(401, body);
    }

    /** 429 CMN-301 with the Retry-After header. */
    public static ApiException rateExceeded(long retryAfterSeconds) {
        return api(429, "CMN-301", "Request rate exceeded").header("Retry-After", Long.toString(retryAfterSeconds));
    }
}
