package io.ringbridge.simulator.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One request and its (buffered) answer. The answer is kept in memory until the servlet writes it, so that a
 * fault can replace it after the operation's side effects have happened (the "response lost" fault).
 */
public final class Exchange {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String path;
    private Map<String, String> pathParams = Map.of();
    private byte[] requestBody;
    private Map<String, String> form;
    private final java.util.function.Supplier<String> fixedBaseUrl;
    private String baseUrl;

    private int status = 200;
    private String contentType;
    private byte[] body;
    private Object jsonBody;

    public Exchange(HttpServletRequest request, HttpServletResponse response, String path) {
        this(request, response, path, null);
    }

    /** @param fixedBaseUrl when not {@code null}, the base URL to use instead of the one the request claims */
    public Exchange(HttpServletRequest request, HttpServletResponse response, String path,
                    java.util.function.Supplier<String> fixedBaseUrl) {
        this.request = request;
        this.response = response;
        this.path = path;
        this.fixedBaseUrl = fixedBaseUrl;
    }

    public HttpServletRequest request() {
        return request;
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return path;
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = params;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /**
     * The simulator's base URL: the host's fixed one when mounted with it, else as the client reached it (scheme,
     * host, port, context path and servlet path). Every URL the simulator emits starts with this, so it is right
     * standalone and when mounted under a prefix.
     */
    public String baseUrl() {
        if (baseUrl == null) {
            baseUrl = BaseUrls.canonical(fixedBaseUrl != null ? fixedBaseUrl.get() : computeBaseUrl());
        }
        return baseUrl;
    }

    /** The base URL if a handler asked for it, else {@code null} (no work on requests that did not). */
    String baseUrlIfComputed() {
        return baseUrl;
    }

    private String computeBaseUrl() {
        StringBuilder url = new StringBuilder(64);
        String scheme = request.getScheme();
        int port = request.getServerPort();
        url.append(scheme).append("://").append(request.getServerName());
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        if (!defaultPort) {
            url.append(':').append(port);
        }
        url.append(request.getContextPath()).append(request.getServletPath());
        return url.toString();
    }

    public String header(String name) {
        return request.getHeader(name);
    }

    /** A query-string parameter (not the body). */
    public String query(String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    public byte[] body() {
        if (requestBody == null) {
            try {
                int length = request.getContentLength();
                // Exact-size read when the length is known: readAllBytes would allocate 16 KiB chunks per request.
                requestBody = length >= 0 && length <= 10 * 1024 * 1024
                        ? request.getInputStream().readNBytes(length)
                        : request.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return requestBody;
    }

    /** The urlencoded form body (only the body, never the query string). */
    public Map<String, String> form() {
        if (form == null) {
            String text = new String(body(), StandardCharsets.UTF_8);
            Map<String, String> values = new HashMap<>();
            if (!text.isBlank()) {
                for (String pair : text.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    values.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            if (values.isEmpty() && isFormContent()) {
                // Mounted in a host whose filters already parsed the body (request.getParameter*), the stream is
                // empty: take the container's parameters, where body values follow query values.
                request.getParameterMap().forEach((key, all) -> {
                    if (all.length > 0) {
                        values.put(key, all[all.length - 1]);
                    }
                });
            }
            form = Collections.unmodifiableMap(values);
        }
        return form;
    }

    private boolean isFormContent() {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The body as JSON, or a CMN-103 error when it is not JSON. Empty body gives {@code null}. */
    public JsonNode jsonBody() {
        byte[] bytes = body();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw RcErrors.api(400, "CMN-103", "JSON can't be parsed.");
        }
    }

    /** The body bound to a record, or CMN-103 when it is not JSON of that shape. */
    public <T> T jsonBody(Class<T> type) {
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw RcErrors.api(400, "CMN-103", "JSON can't be parsed.");
        }
        try {
            return Json.MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw RcErrors.api(400, "CMN-103", "JSON can't be parsed.");
        }
    }

    public void setHeader(String name, String value) {
        response.setHeader(name, value);
    }

    public void json(int status, Object value) {
        this.status = status;
        this.contentType = "application/json";
        this.jsonBody = value;
        this.body = null;
    }

    public void json(Object value) {
        json(200, value);
    }

    public void html(int status, String html) {
        this.status = status;
        this.contentType = "text/html;charset=UTF-8";
        this.body = html.getBytes(StandardCharsets.UTF_8);
        this.jsonBody = null;
    }

    public void text(int status, String text) {
        this.status = status;
        this.contentType = "text/plain;charset=UTF-8";
        this.body = text.getBytes(StandardCharsets.UTF_8);
        this.jsonBody = null;
    }

    public void redirect(String location) {
        this.status = 302;
        response.setHeader("Location", location);
        this.contentType = null;
        this.body = null;
        this.jsonBody = null;
    }

    public void noContent() {
        this.status = 204;
        this.contentType = null;
        this.body = null;
        this.jsonBody = null;
    }

    public void fail(ApiException error) {
        error.headers().forEach(response::setHeader);
        if (error.body() instanceof String text) {
            text(error.status(), text);
        } else {
            json(error.status(), error.body());
        }
    }

    /** Writes the buffered answer. */
    void commit() throws IOException {
        response.setStatus(status);
        byte[] bytes = body;
        if (jsonBody != null) {
            bytes = Json.MAPPER.writeValueAsBytes(jsonBody);
        }
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (bytes != null) {
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } else {
            response.setContentLength(0);
        }
    }

    /**
     * Sends a response that breaks off: a success status line with a body shorter than its declared length,
     * then the connection is closed. The client sees an I/O error, never a usable answer.
     */
    void commitBroken() throws IOException {
        response.resetBuffer();
        response.setStatus(200);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setContentLength(4096);
        response.getOutputStream().write("{\"id\":".getBytes(StandardCharsets.US_ASCII));
        response.flushBuffer();
    }

    public HttpServletResponse response() {
        return response;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
