package io.ringbridge.simulator;

import io.ringbridge.simulator.http.Json;
import io.ringbridge.simulator.testing.ConsentWalk;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Real-HTTP client for tests against a standalone simulator. */
final class SimulatorClient {
    static final String CLIENT_ID = "demo-client-id";
    static final String CLIENT_SECRET = "demo-client-secret";
    static final String REDIRECT_URI = "http://localhost:8080/connect/ringcentral/callback";
    static final long ACCOUNT = 400000001L;
    static final long ALICE = 400000101L;
    static final long BOB = 400000102L;
    static final String ALICE_SMS = "+16505550101";
    static final String ALICE_A2P = "+18885550102";
    static final String BOB_SMS = "+16505550103";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    SimulatorClient(RingCentralSimulator simulator) {
        this.base = simulator.baseUri().toString();
    }

    SimulatorClient(String base) {
        this.base = base;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder r = request(path).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    HttpResponse<String> postJson(String path, String token, String json) {
        HttpRequest.Builder r = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    HttpResponse<String> putJson(String path, String token, String json) {
        HttpRequest.Builder r = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    HttpResponse<String> delete(String path, String token) {
        HttpRequest.Builder r = request(path).DELETE();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    HttpResponse<String> form(String path, Map<String, String> form, String basicUser, String basicPassword) {
        HttpRequest.Builder r = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (basicUser != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        }
        return send(r);
    }

    /** Token endpoint with the demo app's Basic credentials. */
    HttpResponse<String> token(Map<String, String> form) {
        return form("/restapi/oauth/token", form, CLIENT_ID, CLIENT_SECRET);
    }

    HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** GET authorize with the given query; returns the consent page or error answer. */
    HttpResponse<String> authorizePage(Map<String, String> query) {
        return send(request("/restapi/oauth/authorize?" + encode(query)).GET());
    }

    /** Submits the consent form of a page; returns the redirect answer. */
    HttpResponse<String> consent(HttpResponse<String> page, long extensionId, String decision) {
        return ConsentWalk.submit(page, ConsentWalk.user(ACCOUNT, extensionId), decision);
    }

    /** Full authorization-code flow (no PKCE) for a user; returns the code. */
    String code(long extensionId) {
        return code(CLIENT_ID, extensionId);
    }

    String code(String clientId, long extensionId) {
        HttpResponse<String> page = authorizePage(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT_URI, "state", "s1"));
        HttpResponse<String> redirect = consent(page, extensionId, "approve");
        return query(redirect.headers().firstValue("Location").orElseThrow()).get("code");
    }

    /** Logs a user in; returns the TokenInfo JSON. */
    JsonNode login(long extensionId) {
        HttpResponse<String> response = token(Map.of("grant_type", "authorization_code", "code", code(extensionId),
                "redirect_uri", REDIRECT_URI));
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** Logs a user in through another registered app (same redirect URI as the demo app). */
    String accessToken(String clientId, String secret, long extensionId) {
        HttpResponse<String> response = form("/restapi/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code(clientId, extensionId), "redirect_uri", REDIRECT_URI), clientId, secret);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asString();
    }

    String accessToken(long extensionId) {
        return login(extensionId).get("access_token").asString();
    }

    HttpResponse<String> sendSms(String token, String from, String to, String text) {
        String body = "{\"from\":{\"phoneNumber\":\"" + from + "\"},\"to\":[{\"phoneNumber\":\"" + to
                + "\"}],\"text\":" + Json.MAPPER.writeValueAsString(text) + "}";
        return postJson("/restapi/v1.0/account/~/extension/~/sms", token, body);
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    /** The first {@code errors[].errorCode} of an error body. */
    static String errorCode(HttpResponse<String> response) {
        return json(response).get("errors").get(0).get("errorCode").asString();
    }

    static Map<String, String> query(String location) {
        return ConsentWalk.query(URI.create(location));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
