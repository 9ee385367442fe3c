package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.CLIENT_ID;
import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.faults.Operations;
import io.ringbridge.simulator.oauth.OAuthSettings;
import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;
import io.ringbridge.testsupport.World;

/**
 * Every error row of docs/API.md "RingCentral connection", over HTTP against the simulated RingCentral: the status, and
 * the exact error string (JSON) or what the page tells the person who is looking at it (HTML).
 */
@SharedGateways
@EveryDatabase
class ConnectErrorsTest {

    /** Connect and invite links of {@link #otherInstance} live this long (the contract's are 5 and 30 minutes). */
    static final Duration SHORT_LIFETIME = Duration.ofSeconds(2);

    static World world;
    /**
     * A second instance on the same database: its public URL differs (another port), and its links and the
     * sign-ins they start expire after {@link #SHORT_LIFETIME}.
     */
    static TestGateway otherInstance;
    static ConnectWorld.OtherUser carol;

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        world = Gateways.withSimulator(database);
        otherInstance = world.ringCentral().start(world.ringCentral().gateway(database).sharingDatabaseWith(world.gateway())
                .property("ringbridge.connection.connect-token-lifetime", SHORT_LIFETIME.toMillis() + "ms")
                .property("ringbridge.connection.invite-token-lifetime", SHORT_LIFETIME.toMillis() + "ms"));
        carol = ConnectWorld.addOtherAccount(world.ringCentral(), "+16175550301");
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        otherInstance.close();
    }

    @BeforeEach
    void setUp() {
        world.admin().clearFaults();
        world.admin().oauth(oauthSettings(Duration.ofSeconds(60)));
        world.ringCentral().permissions(SimulatedRingCentral.PERMISSIONS); // also puts back the app's secret
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
    }

    // ---- POST /v1/rc/connect-token and /v1/rc/invite-token

    @Test
    void connectAndInviteLinksShareOneLimitOf100PerTenantPerHour() {
        Fixtures.TestApp second = Fixtures.registerApp(api, app.tenantId(), "Second app");
        for (int i = 0; i < 50; i++) {
            assertThat(api.post("/v1/rc/connect-token", app.apiKey(), null).status()).as("connect link %d", i).isEqualTo(200);
            assertThat(api.post("/v1/rc/invite-token", second.apiKey(), null).status()).as("invite link %d", i).isEqualTo(200);
        }

        // Each key made 51 requests, well inside its own 100/min: the 429s below are the tenant's link limit.
        for (Response limited : List.of(api.post("/v1/rc/connect-token", app.apiKey(), null),
                api.post("/v1/rc/invite-token", second.apiKey(), null))) {
            assertThat(limited.status()).as("%s", limited).isEqualTo(429);
            assertThat(limited.header("Content-Type")).startsWith("application/json");
            assertThat(limited.error()).isEqualTo("Too many requests");
            // About an hour: the sliding window admits the next link once the first window's weight has shrunk enough.
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(3500L, 3700L);
            for (String header : List.of("Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")) {
                assertThat(limited.headers().allValues(header)).as("%s: %s", header, limited.headers()).hasSize(1);
            }
            assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        }
        Fixtures.TestApp otherTenant = Fixtures.newTenantWithApp(api);
        assertThat(api.post("/v1/rc/connect-token", otherTenant.apiKey(), null).status()).as("other tenants are not limited")
                .isEqualTo(200);
        assertThat(api.get("/v1/rc/status", app.apiKey()).status()).as("only link issuing is limited").isEqualTo(200);
    }

    @Test
    void connectLinksLiveFiveMinutesInviteLinksThirtyAndTheirSignInsAsLong() {
        String connect = ConnectFlow.link(api, app.apiKey(), false);
        String invite = ConnectFlow.link(api, app.apiKey(), true);
        assertThat(ConnectFlow.click(api, connect).status()).isEqualTo(303);
        assertThat(ConnectFlow.click(api, invite).status()).isEqualTo(303);

        Map<String, Duration> tokens = lifetimes("connect_token");
        Map<String, Duration> states = lifetimes("oauth_state");

        assertThat(tokens).containsExactlyInAnyOrderEntriesOf(Map.of("connect", Duration.ofMinutes(5), "invite", Duration.ofMinutes(30)));
        assertThat(states).as("a sign-in lives as long as its link, from the click")
                .containsExactlyInAnyOrderEntriesOf(Map.of("connect", Duration.ofMinutes(5), "invite", Duration.ofMinutes(30)));
        List<String> hashes = world.gateway().jdbc().sql("SELECT token_hash FROM connect_token WHERE tenant_id = :t")
                .param("t", app.tenantId()).query(String.class).list();
        for (String link : List.of(connect, invite)) {
            assertThat(hashes).as("only a hash is stored").doesNotContain(link.substring(link.indexOf('=') + 1));
        }
    }

    private Map<String, Duration> lifetimes(String table) {
        return world.gateway().jdbc().sql("SELECT kind, created_at, expires_at FROM " + table + " WHERE tenant_id = :t")
                .param("t", app.tenantId())
                .query((rs, n) -> Map.entry(rs.getString("kind"), Duration.between(Timestamps.fromDb(rs, "created_at"),
                        Timestamps.fromDb(rs, "expires_at"))))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void theAppRoutesAnswerTheAuthenticationErrorsOfSection0() {
        for (String[] route : new String[][]{{"POST", "/v1/rc/connect-token"}, {"POST", "/v1/rc/invite-token"},
                {"GET", "/v1/rc/status"}, {"GET", "/v1/rc/extensions"}, {"POST", "/v1/rc/disconnect"}}) {
            Response none = api.send(route[0], route[1], null, null, Map.of());
            assertThat(none.status()).as("%s without a key", route[1]).isEqualTo(401);
            assertThat(none.error()).isEqualTo("Missing or invalid API key");

            Response unknown = api.send(route[0], route[1], "sgw_" + "0".repeat(32), null, Map.of());
            assertThat(unknown.status()).as("%s with an unknown key", route[1]).isEqualTo(401);
            assertThat(unknown.error()).isEqualTo("Invalid API key");
        }

        api.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"suspended\"}");
        for (Response suspended : List.of(api.post("/v1/rc/connect-token", app.apiKey(), null),
                api.post("/v1/rc/invite-token", app.apiKey(), null), api.get("/v1/rc/status", app.apiKey()))) {
            assertThat(suspended.status()).isEqualTo(403);
            assertThat(suspended.error()).isEqualTo("Tenant suspended or inactive");
        }
        api.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"active\"}");
        assertThat(api.post("/v1/rc/connect-token", app.apiKey(), null).status()).isEqualTo(200);
    }

    // ---- GET /v1/rc/connect

    @Test
    void theConfirmationPageWithAnEmptyTokenIs400Html() {
        for (String path : List.of("/v1/rc/connect?token=", "/v1/rc/connect?token=%20%20")) {
            String text = ConnectWorld.htmlPage(api.get(path, null), 400);
            assertThat(text).contains("This link is incomplete").contains("missing its token")
                    .doesNotContain("Connect RingCentral");
        }
    }

    @Test
    void theConfirmationPageNeverEchoesATokenUnescaped() {
        String hostile = "\"><script>alert(1)</script>";

        Response page = api.get("/v1/rc/connect?token=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8), null);

        assertThat(ConnectWorld.htmlPage(page, 200)).contains("Connect RingCentral");
        assertThat(page.body()).doesNotContain("<script>").contains("value=\"&quot;&gt;&lt;script&gt;");
        assertThat(ConnectWorld.title(ConnectFlow.click(api, "/v1/rc/connect?token=" + hostile)))
                .isEqualTo("This link is not valid");
    }

    // ---- POST /v1/rc/connect

    @Test
    void clickingWithoutATokenIs400Html() {
        Response emptyForm = post("/v1/rc/connect", "", "application/x-www-form-urlencoded");
        Response blankToken = post("/v1/rc/connect", "token=+", "application/x-www-form-urlencoded");
        Response noBodyAtAll = post("/v1/rc/connect", null, null);

        for (Response page : List.of(emptyForm, blankToken, noBodyAtAll)) {
            assertThat(ConnectWorld.title(page)).isEqualTo("This link is incomplete");
            assertThat(ConnectWorld.htmlPage(page, 400)).contains("missing its token");
            assertThat(page.header("Location")).isNull();
        }
    }

    @Test
    void clickingAnUnknownTokenIs400Html() {
        String link = ConnectFlow.link(api, app.apiKey(), false);
        String tampered = link.substring(0, link.length() - 4) + "AAAA";

        for (Response page : List.of(ConnectFlow.click(api, "/v1/rc/connect?token=" + "x".repeat(43)),
                ConnectFlow.click(api, tampered))) {
            assertThat(ConnectWorld.title(page)).isEqualTo("This link is not valid");
            assertThat(ConnectWorld.htmlPage(page, 400)).contains("not one this gateway issued")
                    .contains("Ask the app that sent you the link for a new one");
            assertThat(page.header("Location")).isNull();
        }
        assertThat(ConnectFlow.click(api, link).status()).as("the real link is untouched").isEqualTo(303);
    }

    @Test
    void clickingAUsedTokenIs400Html() {
        String link = ConnectFlow.link(api, app.apiKey(), true);
        assertThat(ConnectFlow.click(api, link).status()).isEqualTo(303);

        Response again = ConnectFlow.click(api, link);

        assertThat(ConnectWorld.title(again)).isEqualTo("This link was already used");
        assertThat(ConnectWorld.htmlPage(again, 400)).contains("works once");
        assertThat(again.header("Location")).isNull();
    }

    @Test
    void clickingAnExpiredConnectOrInviteTokenIs400Html() throws InterruptedException {
        Api other = api.against(otherInstance.baseUri());
        String connect = ConnectFlow.link(other, app.apiKey(), false);
        String invite = ConnectFlow.link(other, app.apiKey(), true);
        Thread.sleep(SHORT_LIFETIME.plusMillis(500));

        for (String link : List.of(connect, invite)) {
            assertThat(api.get(link, null).status()).as("the confirmation page does not check the token").isEqualTo(200);
            Response page = ConnectFlow.click(other, link);
            assertThat(ConnectWorld.title(page)).isEqualTo("This link has expired");
            assertThat(ConnectWorld.htmlPage(page, 400)).contains("expire");
            assertThat(page.header("Location")).isNull();
        }
    }

    // ---- GET /v1/rc/callback: parameters and state

    @Test
    void aCallbackWithoutCodeOrStateIs400() {
        for (String query : List.of("", "?code=abc", "?state=abc", "?code=&state=", "?code=abc&state=%20")) {
            Response page = api.get("/v1/rc/callback" + query, null);
            assertThat(ConnectWorld.htmlPage(page, 400)).as(query).contains("Missing code or state parameter");

            Response json = api.get("/v1/rc/callback" + query + (query.isEmpty() ? "?" : "&") + "format=json", null);
            assertJsonError(json, 400, "Missing code or state parameter", "missing_parameters");
        }
    }

    @Test
    void anUnknownStateIs400InvalidOrExpiredState() {
        String state = "s".repeat(43);

        Response page = api.get("/v1/rc/callback?code=abc&state=" + state, null);
        Response json = api.get("/v1/rc/callback?code=abc&state=" + state + "&format=json", null);

        assertThat(ConnectWorld.htmlPage(page, 400)).contains("Invalid or expired state");
        assertJsonError(json, 400, "Invalid or expired state", "invalid_state");
    }

    @Test
    void aReplayedStateIs400AndChangesNothing() {
        URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
        assertThat(ConnectFlow.callback(api, callback).status()).isEqualTo(200);
        ConnectWorld.Rows connected = ConnectWorld.Rows.of(world.gateway(), app.tenantId());
        ConnectWorld.SealedTokens tokens = ConnectWorld.SealedTokens.of(world.gateway(), app.tenantId(), ALICE);

        Response replayed = ConnectFlow.callback(api, callback);
        Response replayedJson = ConnectWorld.callbackJson(api, callback);

        assertThat(ConnectWorld.htmlPage(replayed, 400)).contains("Invalid or expired state");
        assertJsonError(replayedJson, 400, "Invalid or expired state", "invalid_state");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(connected);
        assertThat(ConnectWorld.SealedTokens.of(world.gateway(), app.tenantId(), ALICE)).isEqualTo(tokens);
    }

    @Test
    void aStateOutlivingItsLinkIs400InvalidOrExpiredState() throws InterruptedException {
        Api other = api.against(otherInstance.baseUri());
        URI html = ConnectWorld.approvedCallback(other, app.apiKey(), false, ACCOUNT, ALICE);
        URI json = ConnectWorld.approvedCallback(other, app.apiKey(), true, ACCOUNT, ALICE);
        Map<String, String> sessionsBefore = ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID);
        Thread.sleep(SHORT_LIFETIME.plusMillis(500));

        assertThat(ConnectWorld.htmlPage(ConnectFlow.callback(other, html), 400)).contains("Invalid or expired state")
                .contains("within a few minutes");
        assertJsonError(ConnectWorld.callbackJson(other, json), 400, "Invalid or expired state", "invalid_state");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
        assertThat(ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID)).as("the codes were never exchanged")
                .isEqualTo(sessionsBefore);
    }

    // ---- GET /v1/rc/callback: RingCentral's answer

    @Test
    void accessDeniedAtRingCentralIs400InOurWordsShowingRingCentralsDescription() {
        URI denied = denied();
        Map<String, String> query = query(denied);
        assertThat(query).containsEntry("error", "access_denied")
                .containsEntry("error_description", "The user has denied access to the application");

        Response page = ConnectFlow.callback(api, denied);

        assertThat(ConnectWorld.title(page)).isEqualTo("RingCentral access was not granted");
        assertThat(ConnectWorld.htmlPage(page, 400)).contains("Access was not granted.")
                .contains("RingCentral said: access_denied - The user has denied access to the application")
                .contains("Ask the app that sent you here for a new connection link")
                .contains("choose Authorize (or Approve)");
        assertJsonError(ConnectWorld.callbackJson(api, denied()), 400, "Access was not granted.", "access_denied");

        Response reused = api.get("/v1/rc/callback?code=whatever&state=" + query.get("state"), null);
        assertThat(ConnectWorld.htmlPage(reused, 400)).as("a denied sign-in's state is spent").contains("Invalid or expired state");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
    }

    /** Issue 14: anyone can open the callback with any text; only an authorization the gateway started has words to show. */
    @Test
    void aForgedErrorShowsOnlyOurWordsAndTheCode() {
        String lure = "<script>alert(1)</script> Your account is locked: call +1 900 555 0100";
        for (String state : new String[]{null, "not-a-state-of-this-gateway"}) {
            String query = "error=access_denied&error_description=" + URLEncoder.encode(lure, StandardCharsets.UTF_8)
                    + (state == null ? "" : "&state=" + state);

            Response page = api.get("/v1/rc/callback?" + query, null);

            assertThat(ConnectWorld.htmlPage(page, 400)).contains("Access was not granted.", "RingCentral said: access_denied")
                    .doesNotContain("locked", "900 555");
            assertThat(page.body()).doesNotContain("script", "900 555");
            assertJsonError(api.get("/v1/rc/callback?format=json&" + query, null), 400, "Access was not granted.", "access_denied");
        }

        Response other = api.get("/v1/rc/callback?error=server_error&format=json", null);
        assertJsonError(other, 400, "RingCentral reported: server_error", "authorization_error");
        Response otherPage = api.get("/v1/rc/callback?error=server_error", null);
        assertThat(ConnectWorld.title(otherPage)).isEqualTo("RingCentral could not authorize the connection");
        assertThat(ConnectWorld.htmlPage(otherPage, 400)).contains("RingCentral reported: server_error");
        Response notACode = api.get("/v1/rc/callback?error=" + URLEncoder.encode(lure, StandardCharsets.UTF_8), null);
        assertThat(ConnectWorld.htmlPage(notACode, 400)).contains("RingCentral reported: unrecognized_error")
                .doesNotContain("locked");
    }

    @Test
    void ringCentralsDescriptionFromAnAuthorizationThisGatewayStartedIsEscapedAndShortened() {
        Response click = ConnectFlow.click(api, ConnectFlow.link(api, app.apiKey(), false));
        String state = query(URI.create(click.header("Location"))).get("state");
        String description = "<script>alert(1)</script> Admin approval required " + "z".repeat(400);

        Response page = api.get("/v1/rc/callback?error=access_denied&state=" + state + "&error_description="
                + URLEncoder.encode(description, StandardCharsets.UTF_8), null);

        assertThat(ConnectWorld.htmlPage(page, 400)).contains("<script>alert(1)</script> Admin approval required zzz")
                .doesNotContain("z".repeat(200));
        assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    /** A tenant app stored before servers were confined: its authorization's words are not RingCentral's. */
    @Test
    void ringCentralsDescriptionIsNotShownForAServerThatIsNoLongerAllowed() {
        String ownClientId = "confined-" + System.nanoTime();
        ConnectWorld.registerApp(world.ringCentral(), ownClientId, "own-secret", List.of(ConnectWorld.redirectUri(world.gateway())),
                SimulatedRingCentral.PERMISSIONS);
        assertThat(api.put("/v1/rc/app", app.apiKey(), "{\"clientId\":\"" + ownClientId
                + "\",\"clientSecret\":\"own-secret\"}").status()).isEqualTo(200);
        Response click = ConnectFlow.click(api, ConnectFlow.link(api, app.apiKey(), false));
        String state = query(URI.create(click.header("Location"))).get("state");
        world.gateway().jdbc().sql("UPDATE rc_app SET server = 'https://169.254.169.254' WHERE tenant_id = :t")
                .param("t", app.tenantId()).update();

        Response page = api.get("/v1/rc/callback?error=access_denied&state=" + state
                + "&error_description=Enter+your+password+at+evil.example", null);

        assertThat(ConnectWorld.htmlPage(page, 400)).contains("RingCentral said: access_denied").doesNotContain("evil.example");
        api.delete("/v1/rc/app", app.apiKey());
    }

    // ---- GET /v1/rc/callback: the token exchange fails (502)

    @Test
    void refusedAppCredentialsAre502NamingTheClientCredentials() {
        for (boolean json : new boolean[]{false, true}) {
            URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
            Map<String, String> sessionsBefore = ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID);
            // The operator rotated the secret in the Developer Console but not in the gateway's configuration.
            ConnectWorld.registerApp(world.ringCentral(), CLIENT_ID, "rotated-secret", List.of(ConnectWorld.redirectUri(world.gateway())),
                    SimulatedRingCentral.PERMISSIONS);

            Response answer = json ? ConnectWorld.callbackJson(api, callback) : ConnectFlow.callback(api, callback);

            if (json) {
                assertJsonError(answer, 502, "The client ID or client secret configured for the RingCentral app was refused. "
                        + "Nothing was stored.", "invalid_client");
            } else {
                assertThat(ConnectWorld.title(answer)).isEqualTo("RingCentral did not accept this gateway's app credentials");
                assertThat(ConnectWorld.htmlPage(answer, 502)).contains("client ID or client secret")
                        .contains("RINGCENTRAL_CLIENT_ID").contains("RINGCENTRAL_CLIENT_SECRET").contains("PUT /v1/rc/app")
                        .contains("OAU-153").doesNotContain("rotated-secret").doesNotContain(SimulatedRingCentral.CLIENT_SECRET);
            }
            assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
            assertThat(ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID)).isEqualTo(sessionsBefore);
            world.ringCentral().permissions(SimulatedRingCentral.PERMISSIONS);
        }
    }

    @Test
    void aRedirectUriMismatchIs502ExplainingTheDeveloperConsoleFix() {
        // One instance of a cluster is configured with another public URL than the one the sign-in started on:
        // its code exchange names a redirect URI that is not the authorize request's, and RingCentral says OAU-109.
        Api other = api.against(otherInstance.baseUri());
        String otherRedirect = ConnectWorld.redirectUri(otherInstance);
        for (boolean json : new boolean[]{false, true}) {
            URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
            assertThat(callback.toString()).startsWith(ConnectWorld.redirectUri(world.gateway()));

            Response answer = json ? ConnectWorld.callbackJson(other, callback) : ConnectFlow.callback(other, callback);

            if (json) {
                assertJsonError(answer, 502, "RingCentral says the redirect URI does not match the app's registered OAuth "
                        + "redirect URI (OAU-109). Nothing was stored.", "redirect_uri_mismatch");
            } else {
                assertThat(ConnectWorld.title(answer)).isEqualTo("RingCentral rejected this gateway's redirect address");
                assertThat(ConnectWorld.htmlPage(answer, 502)).contains("OAU-109").contains("Developer Console")
                        .contains("client ID " + CLIENT_ID).contains("OAuth Redirect URI to exactly " + otherRedirect)
                        .contains("RINGBRIDGE_PUBLIC_URL");
            }
            assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
        }
    }

    @Test
    void anUnavailableTokenEndpointIs502() {
        world.admin().addFault(FaultRule.error(Operations.TOKEN, 503, 1.0, null));
        URI html = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
        URI json = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);

        Response page = ConnectFlow.callback(api, html);

        assertThat(ConnectWorld.title(page)).isEqualTo("RingCentral could not be reached");
        assertThat(ConnectWorld.htmlPage(page, 502)).contains("RingCentral failed while completing the sign-in")
                .contains("Nothing was stored").contains("Wait a few minutes").contains("HTTP 503").contains("CMN-201");
        assertJsonError(ConnectWorld.callbackJson(api, json), 502,
                "RingCentral failed while completing the sign-in. Nothing was stored.", "ringcentral_unavailable");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
    }

    @Test
    void aLostTokenAnswerIs502() {
        world.admin().addFault(FaultRule.lostResponse(Operations.TOKEN, 1.0, null));
        URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);

        assertJsonError(ConnectWorld.callbackJson(api, callback), 502,
                "RingCentral failed while completing the sign-in. Nothing was stored.", "ringcentral_unavailable");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
    }

    @Test
    void aRateLimitedTokenEndpointIs502SayingToWait() {
        world.admin().addFault(FaultRule.error(Operations.TOKEN, 429, 1.0, null));
        URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);

        Response page = ConnectFlow.callback(api, callback);

        assertThat(ConnectWorld.title(page)).isEqualTo("RingCentral is limiting sign-ins right now");
        assertThat(ConnectWorld.htmlPage(page, 502)).contains("Wait a minute").contains("CMN-301");
    }

    @Test
    void anExpiredAuthorizationCodeIs502() throws InterruptedException {
        world.admin().oauth(oauthSettings(Duration.ofMillis(200)));
        URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
        Thread.sleep(400);

        Response json = ConnectWorld.callbackJson(api, callback);

        assertJsonError(json, 502, "The authorization code from RingCentral had expired or was already used. "
                + "Nothing was stored.", "code_rejected");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
    }

    // ---- GET /v1/rc/callback: a setup step fails after the exchange (502, nothing stored, session revoked)

    @Test
    void failingToReadTheUserIs502AndRevokesTheNewSession() {
        world.admin().addFault(FaultRule.error(Operations.GET_EXTENSION, 503, 1.0, null));

        SetupFailure failure = failSetup(false);

        assertThat(ConnectWorld.title(failure.answer())).isEqualTo("RingCentral could not be reached");
        assertThat(failure.text()).contains("RingCentral failed while reading your RingCentral user. Nothing was stored.");
        failure.assertNothingLeft();
    }

    @Test
    void failingToReadThePhoneNumbersIs502AndRevokesTheNewSession() {
        world.admin().addFault(FaultRule.error(Operations.LIST_PHONE_NUMBERS, 503, 1.0, null));

        for (boolean json : new boolean[]{false, true}) {
            SetupFailure failure = failSetup(json);

            if (json) {
                assertJsonError(failure.answer(), 502, "RingCentral failed while reading your phone numbers. Nothing was stored.",
                        "ringcentral_unavailable");
            } else {
                assertThat(failure.text()).contains("RingCentral failed while reading your phone numbers. Nothing was stored.")
                        .contains("Wait a few minutes");
            }
            failure.assertNothingLeft();
        }
    }

    @Test
    void failingToCreateTheSubscriptionIs502AndLeavesNothingBehind() {
        world.admin().addFault(FaultRule.error(Operations.CREATE_SUBSCRIPTION, 503, 1.0, null));

        SetupFailure failure = failSetup(false);

        assertThat(failure.text()).contains("RingCentral failed while creating the webhook subscription for inbound SMS. "
                + "Nothing was stored.");
        failure.assertNothingLeft();
    }

    @Test
    void aMissingAppPermissionIs502NamingThePermission() {
        for (String missing : List.of("ReadAccounts", "WebhookSubscriptions")) {
            List<String> granted = new ArrayList<>(SimulatedRingCentral.PERMISSIONS);
            granted.remove(missing);
            world.ringCentral().permissions(granted);
            for (boolean json : new boolean[]{false, true}) {
                SetupFailure failure = failSetup(json);

                String step = missing.equals("ReadAccounts") ? "reading your RingCentral user"
                        : "creating the webhook subscription for inbound SMS";
                if (json) {
                    assertJsonError(failure.answer(), 502, "RingCentral refused " + step
                            + " because the app is missing a permission. Nothing was stored.", "permission_missing");
                } else {
                    assertThat(ConnectWorld.title(failure.answer())).isEqualTo("The RingCentral app lacks a permission");
                    assertThat(failure.text()).as(missing).contains("RingCentral refused " + step)
                            .contains("CMN-401").contains("[" + missing + "]").contains("Developer Console");
                }
                failure.assertNothingLeft();
            }
        }
    }

    // ---- a user of another RingCentral account

    @Test
    void aUserOfAnotherAccountIs409AndNothingIsStored() {
        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
        ConnectWorld.Rows connected = ConnectWorld.Rows.of(world.gateway(), app.tenantId());
        Set<String> carolsSubscriptions = ConnectWorld.subscriptionIds(world.ringCentral(), carol.extensionId());

        for (boolean invite : new boolean[]{true, false}) {
            URI html = ConnectWorld.approvedCallback(api, app.apiKey(), invite, carol.accountId(), carol.extensionId());
            Response page = ConnectFlow.callback(api, html);
            assertThat(ConnectWorld.title(page)).isEqualTo("That user belongs to another RingCentral account");
            assertThat(ConnectWorld.htmlPage(page, 409)).contains("connected to RingCentral account " + ACCOUNT)
                    .contains("a user of account " + carol.accountId()).contains("Nothing was changed")
                    .contains("POST /v1/rc/disconnect");

            URI json = ConnectWorld.approvedCallback(api, app.apiKey(), invite, carol.accountId(), carol.extensionId());
            assertJsonError(ConnectWorld.callbackJson(api, json), 409, "This tenant is connected to RingCentral account "
                    + ACCOUNT + ", but you signed in as a user of account " + carol.accountId() + ". Nothing was changed.",
                    "account_mismatch");
        }

        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(connected);
        assertThat(ConnectWorld.subscriptionIds(world.ringCentral(), carol.extensionId())).isEqualTo(carolsSubscriptions);
        assertThat(ConnectWorld.sessions(world.ringCentral(), carol.extensionId(), CLIENT_ID).values())
                .as("every session Carol opened was revoked").hasSize(4).containsOnly("REVOKED");
        assertThat(api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").size()).isEqualTo(1);
    }

    // ---- helpers

    /** A sign-in that RingCentral answered with Deny. */
    private URI denied() {
        Response click = ConnectFlow.click(api, ConnectFlow.link(api, app.apiKey(), false));
        return ConnectFlow.consent(URI.create(click.header("Location")), ACCOUNT, ALICE, false);
    }

    private record SetupFailure(Response answer, String text, Runnable nothingLeft) {
        void assertNothingLeft() {
            nothingLeft.run();
        }
    }

    /** Alice approves; the callback fails after the code exchange. */
    private SetupFailure failSetup(boolean json) {
        URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
        ConnectWorld.Rows rowsBefore = ConnectWorld.Rows.of(world.gateway(), app.tenantId());
        Map<String, String> sessionsBefore = ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID);
        Set<String> subscriptionsBefore = ConnectWorld.subscriptionIds(world.ringCentral(), ALICE);

        Response answer = json ? ConnectWorld.callbackJson(api, callback) : ConnectFlow.callback(api, callback);

        String text = json ? null : ConnectWorld.htmlPage(answer, 502);
        return new SetupFailure(answer, text, () -> {
            assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).as("nothing stored").isEqualTo(rowsBefore);
            assertThat(api.get("/v1/rc/status", app.apiKey()).body()).isEqualTo("{\"connected\":false}");
            assertThat(ConnectWorld.subscriptionIds(world.ringCentral(), ALICE)).as("no subscription left at RingCentral")
                    .isEqualTo(subscriptionsBefore);
            Map<String, String> opened = new HashMap<>(ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID));
            opened.keySet().removeAll(sessionsBefore.keySet());
            assertThat(opened.values()).as("the session the exchange opened is revoked").containsExactly("REVOKED");
        });
    }

    /** RingCentral's token rules, with room for every session the tests open and the given code lifetime. */
    private static OAuthSettings oauthSettings(Duration authCodeTtl) {
        OAuthSettings standard = OAuthSettings.standard();
        return new OAuthSettings(standard.accessTokenTtl(), standard.refreshTokenTtl(), standard.graceAfterUse(),
                standard.graceUnused(), authCodeTtl, 1000);
    }

    private Response post(String path, String body, String contentType) {
        return api.send("POST", path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                contentType == null ? Map.of() : Map.of("Content-Type", contentType));
    }

    private static void assertJsonError(Response response, int status, String error, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.error()).isEqualTo(error);
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("requestId")).as("the error body carries the request id").isEqualTo(response.header("X-Request-Id"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
