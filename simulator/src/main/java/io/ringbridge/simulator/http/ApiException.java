package io.ringbridge.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer: status, JSON (or text) body and extra headers. Thrown from handlers and turned into the
 * response by the servlet. No stack trace: errors are part of normal traffic (401, 429…) and must stay cheap.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, Object body) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
    }

    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String getMessage() {
        return status + " " + body;
    }
}
