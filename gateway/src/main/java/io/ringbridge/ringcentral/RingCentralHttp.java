package io.ringbridge.ringcentral;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that talks HTTP to RingCentral: builds requests, sends them on the shared client with the
 * configured timeout, and turns every answer into a value or a typed failure.
 */
final class RingCentralHttp {

    record Answer<T>(T body, HttpHeaders headers) {
        String requestId() {
            return headers.firstValue("RCRequestId").orElse(null);
        }
    }

    private static final Duration DEADLINE_MARGIN = Duration.ofMillis(250);
    private static final Pattern OAUTH_ERROR = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    RingCentralHttp(HttpClient http, JsonMapper json, Duration timeout) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        // Plain http is only ever the simulator: no h2c upgrade dance there. RingCentral itself speaks HTTP/2.
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder;
    }

    HttpRequest.Builder bearer(RingCentralAccess access, String path) {
        return request(at(access.server(), path)).header("Authorization", "Bearer " + access.accessToken());
    }

    /**
     * {@code path} under {@code server}, keeping the server's own path: the simulator can be mounted under a
     * prefix (sandbox mode), which {@link URI#resolve} with an absolute path would drop.
     */
    static URI at(URI server, String path) {
        String base = server.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    static String basic(RingCentralApp app) {
        String pair = app.clientId() + ":" + app.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.BodyPublishers.ofString(body);
    }

    HttpRequest.BodyPublisher jsonBody(Object value) {
        return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(value));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    <T> Answer<T> send(String operation, HttpRequest request, Class<T> type) {
        HttpResponse<byte[]> response = exchange(operation, request);
        if (type == Void.class || response.body().length == 0) {
            return new Answer<>(null, response.headers());
        }
        try {
            return new Answer<>(json.readValue(response.body(), type), response.headers());
        } catch (JacksonException e) {
            // Jackson's own message quotes the offending value, and a token answer is full of secrets: say where only.
            String where = e.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new RingCentralException(operation, response.statusCode(), List.of(), null,
                    "unreadable answer body: not a " + type.getSimpleName() + (where.isEmpty() ? "" : " (at " + where + ")"),
                    null, RateLimitStatus.from(response.headers()), response.headers().firstValue("RCRequestId").orElse(null));
        }
    }

    private HttpResponse<byte[]> exchange(String operation, HttpRequest request) {
        HttpResponse<byte[]> response;
        // The request's own timeout ends when the response head arrives; a body that stalls after it would hold
        // the caller for as long as the peer keeps the connection open. So the whole exchange gets a deadline too,
        // a moment later than the request's, so that the JDK's own timeout (which tells a connection that never
        // came about from a request that went out) fires first whenever it applies.
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            response = pending.get(timeout.plus(DEADLINE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stalled) {
            pending.cancel(true);
            throw new RingCentralUnreachableException(operation, true,
                    new HttpTimeoutException("no complete answer within " + timeout));
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            // Could not connect: the request never left. Anything later (timeout, broken answer): it may have
            // arrived, and RingCentral may have acted on it.
            throw new RingCentralUnreachableException(operation, !notConnected(cause), cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new RingCentralUnreachableException(operation, true, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(operation, response);
        }
        return response;
    }

    private static boolean notConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private RingCentralException failure(String operation, HttpResponse<byte[]> response) {
        HttpHeaders headers = response.headers();
        Set<String> codes = new LinkedHashSet<>();
        String oauthError = null;
        String description = null;
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        JsonNode body = null;
        try {
            body = text.startsWith("{") ? json.readTree(text) : null;
        } catch (JacksonException notJson) {
            // keep the raw text as the description below
        }
        if (body != null) {
            addText(codes, body.get("errorCode"));
            for (JsonNode error : body.path("errors")) {
                addText(codes, error.get("errorCode"));
            }
            oauthError = oauthError(body.path("error"));
            List<String> candidates = new ArrayList<>();
            candidates.add(body.path("error_description").asString(null));
            candidates.add(body.path("message").asString(null));
            body.path("errors").forEach(e -> candidates.add(e.path("message").asString(null)));
            description = candidates.stream().filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
        } else if (!text.isEmpty()) {
            description = text.length() > 200 ? text.substring(0, 200) : text;
        }
        return new RingCentralException(operation, response.statusCode(), List.copyOf(codes), oauthError, description,
                retryAfter(headers), RateLimitStatus.from(headers), headers.firstValue("RCRequestId").orElse(null));
    }

    /**
     * The RFC 6749 {@code error} code of an OAuth answer. RingCX answers Spring-style JSON whose {@code error} is the
     * HTTP reason phrase ({@code "Unauthorized"}, {@code "Too Many Requests"}): that is no OAuth error. OAuth codes
     * are lowercase words joined by underscores ({@code invalid_grant}), which tells the two apart.
     */
    private static String oauthError(JsonNode error) {
        return error.isString() && OAUTH_ERROR.matcher(error.asString()).matches() ? error.asString() : null;
    }

    private static void addText(Set<String> codes, JsonNode node) {
        if (node != null && node.isString() && !node.asString().isBlank()) {
            codes.add(node.asString());
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
