package io.ringbridge.platform.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/** The id that ties a response, its error body and its log lines together ({@code X-Request-Id}). */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /** The incoming id when it is a UUID (so nothing else can be smuggled into logs), otherwise a new one. */
    static String accept(String incoming) {
        if (incoming != null && incoming.length() == 36) {
            try {
                return UUID.fromString(incoming).toString();
            } catch (IllegalArgumentException notUuid) {
                // fall through to a fresh id
            }
        }
        return UUID.randomUUID().toString();
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
