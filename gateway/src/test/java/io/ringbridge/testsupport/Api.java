package io.ringbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An HTTP client for the gateway's API, as an app would use it. Each instance presents itself from its own
 * random private address through {@code X-Forwarded-For} (test gateways trust loopback as a proxy,
 * {@code ringbridge.trusted-proxies}), so the failed-authentication guard of one test never blocks another.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;
    private final String clientIp;
    private final Map<String, String> proxyHeaders;

    Api(URI base) {
        this(base, randomClientIp(), Map.of());
    }

    private Api(URI base, String clientIp, Map<String, String> proxyHeaders) {
        this.base = base;
        this.clientIp = clientIp;
        this.proxyHeaders = Map.copyOf(proxyHeaders);
    }

    public String clientIp() {
        return clientIp;
    }

    /** The same gateway seen from another client address. */
    public Api fromAnotherClient() {
        return new Api(base, randomClientIp(), proxyHeaders);
    }

    /** This client (same address) talking to another gateway instance. */
    public Api against(URI otherBase) {
        return new Api(otherBase, clientIp, proxyHeaders);
    }

    /** A client whose requests carry exactly this {@code X-Forwarded-For} value (a chain, or a forged entry). */
    public Api withForwardedFor(String forwardedFor) {
        return new Api(base, forwardedFor, proxyHeaders);
    }

    /** This client behind a TLS-terminating proxy: every request says {@code X-Forwarded-Proto: https}. */
    public Api overHttps() {
        return new Api(base, clientIp, Map.of("X-Forwarded-Proto", "https"));
    }

    public Response get(String path, String apiKey) {
        return send("GET", path, apiKey, null, Map.of());
    }

    public Response post(String path, String apiKey, String json) {
        return send("POST", path, apiKey, json, Map.of());
    }

    public Response put(String path, String apiKey, String json) {
        return send("PUT", path, apiKey, json, Map.of());
    }

    public Response patch(String path, String apiKey, String json) {
        return send("PATCH", path, apiKey, json, Map.of());
    }

    public Response delete(String path, String apiKey) {
        return send("DELETE", path, apiKey, null, Map.of());
    }

    public Response send(String method, String path, String apiKey, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (apiKey != null) {
            all.putIfAbsent("Authorization", "Bearer " + apiKey);
        }
        if (json != null) {
            all.putIfAbsent("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(method, path, body, all);
    }

    public Response send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientIp)
                .method(method, body);
        proxyHeaders.forEach((name, value) -> {
            if (!headers.containsKey(name)) {
                request.header(name, value);
            }
        });
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String randomClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
