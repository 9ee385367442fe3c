package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.CLIENT_ID;
import static io.ringbridge.simulator.SimulatorClient.CLIENT_SECRET;
import static io.ringbridge.simulator.SimulatorClient.REDIRECT_URI;
import static io.ringbridge.simulator.SimulatorClient.errorCode;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.directory.App;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Authorization-code flow: consent page, redirects, PKCE, client authentication and code rules. */
class OAuthFlowTest {
    static RingCentralSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false)
                .authCodeTtl(Duration.ofSeconds(2)).label("SANDBOX").build());
        simulator.admin().addApp(new App("jwt-only-app", "jwt-secret", "JWT app", List.of(), List.of("SMS")));
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static Map<String, String> authorizeQuery(String challenge, String method) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", CLIENT_ID);
        q.put("redirect_uri", REDIRECT_URI);
        q.put("state", "tenant-42");
        if (challenge != null) {
            q.put("code_challenge", challenge);
        }
        if (method != null) {
            q.put("code_challenge_method", method);
        }
        return q;
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    @Test
    void consentPageIsAFormWithUsersAndButtonsAndTheLabel() {
        HttpResponse<String> page = client.authorizePage(authorizeQuery(null, null));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"consent-form\"", "id=\"user\"", "id=\"approve\"", "id=\"deny\"",
                "Alice Able", "Bob Baker", "SANDBOX")
                .contains("action=\"" + client.base + "/restapi/oauth/consent\"");
        assertThat(page.headers().firstValue("RCRequestId")).isPresent();
    }

    @Test
    void pkceS256HappyPath() throws Exception {
        String verifier = "verifier-" + "a".repeat(43);
        HttpResponse<String> page = client.authorizePage(authorizeQuery(s256(verifier), "S256"));
        HttpResponse<String> redirect = client.consent(page, ALICE, "approve");
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI + "?");
        Map<String, String> q = SimulatorClient.query(location);
        assertThat(q).containsEntry("state", "tenant-42").containsEntry("expires_in", "2").containsKey("code");

        HttpResponse<String> wrong = client.token(Map.of("grant_type", "authorization_code", "code", q.get("code"),
                "redirect_uri", REDIRECT_URI, "code_verifier", "not-the-verifier"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("error").asString()).isEqualTo("invalid_grant");

        // a fresh code, redeemed with the right verifier
        page = client.authorizePage(authorizeQuery(s256(verifier), "S256"));
        q = SimulatorClient.query(client.consent(page, ALICE, "approve").headers().firstValue("Location").orElseThrow());
        HttpResponse<String> token = client.token(Map.of("grant_type", "authorization_code", "code", q.get("code"),
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode info = json(token);
        assertThat(info.get("token_type").asString()).isEqualTo("bearer");
        assertThat(info.get("expires_in").asInt()).isBetween(3590, 3600);
        assertThat(info.get("refresh_token_expires_in").asInt()).isBetween(604790, 604800);
        assertThat(info.get("scope").asString()).isEqualTo("SMS ReadMessages ReadAccounts WebhookSubscriptions");
        assertThat(info.get("owner_id").asString()).isEqualTo(Long.toString(ALICE));
        assertThat(info.get("session_id").asString()).isNotBlank();
        assertThat(info.get("endpoint_id").asString()).isNotBlank();
        assertThat(info.get("access_token").asString()).isNotEqualTo(info.get("refresh_token").asString());
    }

    @Test
    void pkcePlainIsTheDefaultMethod() {
        String verifier = "plain-verifier-" + "b".repeat(40);
        HttpResponse<String> page = client.authorizePage(authorizeQuery(verifier, null));
        String code = SimulatorClient.query(client.consent(page, ALICE, "approve").headers().firstValue("Location")
                .orElseThrow()).get("code");
        HttpResponse<String> token = client.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        assertThat(token.statusCode()).isEqualTo(200);
    }

    @Test
    void denyRedirectsWithAccessDenied() {
        HttpResponse<String> page = client.authorizePage(authorizeQuery(null, null));
        HttpResponse<String> redirect = client.consent(page, ALICE, "deny");
        assertThat(redirect.statusCode()).isEqualTo(302);
        Map<String, String> q = SimulatorClient.query(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(q).containsEntry("error", "access_denied").containsEntry("state", "tenant-42")
                .containsKey("error_description").doesNotContainKey("code");
    }

    @Test
    void appWithoutRedirectUriGetsOau113WithoutRedirect() {
        HttpResponse<String> r = client.authorizePage(Map.of("response_type", "code", "client_id", "jwt-only-app",
                "redirect_uri", REDIRECT_URI));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        JsonNode body = json(r);
        assertThat(body.get("error").asString()).isEqualTo("invalid_client");
        assertThat(body.get("error_description").asString()).isEqualTo("No redirect uri is registered for the client");
        assertThat(errorCode(r)).isEqualTo("OAU-113");
    }

    @Test
    void unregisteredRedirectUriGetsOau109WithoutRedirect() {
        HttpResponse<String> r = client.authorizePage(Map.of("response_type", "code", "client_id", CLIENT_ID,
                "redirect_uri", "https://evil.example.com/cb"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(json(r).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(errorCode(r)).isEqualTo("OAU-109");
        assertThat(json(r).get("error_description").asString()).isEqualTo("Redirect URIs do not match");
    }

    @Test
    void tokenWithoutClientAuthenticationGetsOau123() {
        HttpResponse<String> r = client.form("/restapi/oauth/token",
                Map.of("grant_type", "authorization_code", "code", "x"), null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication"
                + " is required\",\"errors\":[{\"errorCode\":\"OAU-123\",\"message\":\"Client authentication is required\"}]}");
    }

    @Test
    void secretInBodyOrWrongSecretGetsOau153() {
        HttpResponse<String> inBody = client.form("/restapi/oauth/token", Map.of("grant_type", "authorization_code",
                "code", "x", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET), null, null);
        assertThat(inBody.statusCode()).isEqualTo(401);
        assertThat(inBody.body()).isEqualTo("{\"error\":\"invalid_client\",\"errors\":[{\"errorCode\":\"OAU-153\","
                + "\"message\":\"Invalid client: \",\"parameters\":[{\"parameterName\":\"client_id\","
                + "\"parameterValue\":\"\"}]}],\"error_description\":\"Invalid client: \"}");
        HttpResponse<String> wrong = client.form("/restapi/oauth/token",
                Map.of("grant_type", "authorization_code", "code", "x"), CLIENT_ID, "wrong-secret");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(errorCode(wrong)).isEqualTo("OAU-153");
        assertThat(json(wrong).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void tokenRequestMustBeFormEncoded() {
        HttpResponse<String> r = client.send(client.request("/restapi/oauth/token")
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"refresh_token\"}")));
        assertThat(r.statusCode()).isEqualTo(415);
    }

    @Test
    void codeIsSingleUse() {
        String code = client.code(ALICE);
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI);
        assertThat(client.token(form).statusCode()).isEqualTo(200);
        HttpResponse<String> again = client.token(form);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(errorCode(again)).isEqualTo("OAU-106");
    }

    @Test
    void codeExpires() throws Exception {
        String code = client.code(ALICE);
        Thread.sleep(2200);
        HttpResponse<String> late = client.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(errorCode(late)).isEqualTo("OAU-108");
    }

    @Test
    void codeIsBoundToTheRedirectUri() {
        String code = client.code(ALICE);
        HttpResponse<String> r = client.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "http://localhost:8080/other"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo("OAU-109");
    }

    @Test
    void tokenRequestsAreCountedPerGrantType() {
        long before = simulator.admin().tokenRequests("authorization_code");
        client.login(ALICE);
        assertThat(simulator.admin().tokenRequests("authorization_code")).isEqualTo(before + 1);
    }
}
