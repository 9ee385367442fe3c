package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_A2P;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.World;
import tools.jackson.databind.JsonNode;

/**
 * docs/API.md "RingCentral connection" over HTTP against the simulator: the connect flow, its pages and the
 * connection's state.
 */
@SharedGateways
@EveryDatabase
class ConnectFlowTest {

    static World world;

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        world = Gateways.withSimulator(database);
    }

    @BeforeEach
    void setUp() {
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
    }

    @Test
    void connectTokenIsALinkToTheConfirmationPage() {
        String link = ConnectFlow.link(api, app.apiKey(), false);

        assertThat(link).matches("/v1/rc/connect\\?token=[A-Za-z0-9_-]{43}");
    }

    @Test
    void connectAndInviteAnswersAddTheAbsoluteLinkAndItsExpiry() {
        String publicUrl = "http://localhost:" + world.gateway().baseUri().getPort();
        for (String route : List.of("/v1/rc/connect-token", "/v1/rc/invite-token")) {
            Instant before = Instant.now();
            Response answer = api.post(route, app.apiKey(), null);

            assertThat(answer.status()).as(route).isEqualTo(200);
            assertThat(answer.json().propertyNames()).containsExactly("connectUrl", "url", "expiresAt");
            String connectUrl = answer.text("connectUrl");
            assertThat(connectUrl).as("Gravity's relative link, unchanged").startsWith("/v1/rc/connect?token=");
            assertThat(answer.text("url")).isEqualTo(publicUrl + connectUrl);
            Duration lifetime = route.contains("invite") ? Duration.ofMinutes(30) : Duration.ofMinutes(5);
            assertThat(answer.text("expiresAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(Instant.parse(answer.text("expiresAt")))
                    .isBetween(before.plus(lifetime).minusSeconds(1), Instant.now().plus(lifetime).plusSeconds(1));

            Response page = api.get(URI.create(answer.text("url")).getRawPath() + "?" + URI.create(answer.text("url")).getRawQuery(), null);
            assertThat(page.status()).as("the absolute link opens the confirmation page").isEqualTo(200);
            assertThat(page.body()).contains(">Connect RingCentral</button>");
        }
    }

    @Test
    void theConfirmationPageHasAConnectButtonThatPostsTheToken() {
        String link = ConnectFlow.link(api, app.apiKey(), false);

        Response page = api.get(link, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/v1/rc/connect\">")
                .contains("name=\"token\" value=\"" + link.substring(link.indexOf('=') + 1) + "\"")
                .contains(">Connect RingCentral</button>");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("form-action 'self'");
    }

    @Test
    void theConfirmationPageWithoutATokenIs400Html() {
        Response page = api.get("/v1/rc/connect", null);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("missing its token");
    }

    @Test
    void aLinkPrefetchedSeveralTimesStillWorks() {
        String link = ConnectFlow.link(api, app.apiKey(), false);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(link, null).status()).isEqualTo(200);
        }

        assertThat(ConnectFlow.click(api, link).status()).isEqualTo(303);
    }

    @Test
    void clickingRedirectsToRingCentralWithPkceAndAState() {
        Response click = ConnectFlow.click(api, ConnectFlow.link(api, app.apiKey(), false));

        assertThat(click.status()).isEqualTo(303);
        URI authorize = URI.create(click.header("Location"));
        assertThat(authorize.toString()).startsWith(world.ringCentral().simulator().baseUri() + "/restapi/oauth/authorize?");
        assertThat(authorize.getRawQuery()).contains("response_type=code", "client_id=" + SimulatedRingCentral.CLIENT_ID,
                "redirect_uri=" + java.net.URLEncoder.encode(world.gateway().baseUri().toString().replace("127.0.0.1", "localhost")
                        + "/v1/rc/callback", java.nio.charset.StandardCharsets.UTF_8),
                "code_challenge_method=S256").containsPattern("state=[A-Za-z0-9_-]{43}").containsPattern("code_challenge=[A-Za-z0-9_-]{43}");
    }

    @Test
    void approvingConnectsTheAccountAndShowsItsNumbers() {
        Response callback = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);

        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.body()).contains("RingCentral connected").contains(ACCOUNT).contains("Alice Able")
                .contains(ALICE_SMS).contains(ALICE_A2P);
        Response status = api.get("/v1/rc/status", app.apiKey());
        assertThat(status.json().path("connected").asBoolean()).isTrue();
        assertThat(status.text("rcAccountId")).isEqualTo(ACCOUNT);
        assertThat(status.text("expiresAt")).matches("\\d{4}-.*\\.\\d{3}Z");
        assertThat(status.json().path("missingScopes").size()).isZero();
        JsonNode extensions = api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions");
        assertThat(extensions.size()).isEqualTo(1);
        JsonNode alice = extensions.get(0);
        assertThat(alice.path("extensionId").asString()).isEqualTo(Long.toString(ALICE));
        assertThat(alice.path("rcAccountId").asString()).isEqualTo(ACCOUNT);
        assertThat(alice.path("status").asString()).isEqualTo("active");
        assertThat(alice.path("phoneNumbers").valueStream().map(JsonNode::asString)).containsExactly(ALICE_SMS);
        assertThat(alice.path("a2pPhoneNumbers").valueStream().map(JsonNode::asString)).containsExactly(ALICE_A2P);
        assertThat(world.admin().subscriptions()).anyMatch(s -> String.valueOf(((java.util.Map<?, ?>) s.get("deliveryMode")).get("address"))
                .startsWith("http://localhost:" + world.gateway().baseUri().getPort() + "/v1/webhooks/ringcentral/"));
    }

    @Test
    void theCallbackAnswersJsonWhenAsked() {
        Response click = ConnectFlow.click(api, ConnectFlow.link(api, app.apiKey(), false));
        URI callback = ConnectFlow.consent(URI.create(click.header("Location")), ACCOUNT, ALICE, true);

        Response json = api.get(callback.getRawPath() + "?" + callback.getRawQuery() + "&format=json", null);

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void anInviteConnectsASecondUser() {
        ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);

        Response bob = ConnectFlow.connect(api, app.apiKey(), true, ACCOUNT, BOB);

        assertThat(bob.status()).isEqualTo(200);
        assertThat(bob.body()).contains("Bob Baker").contains(BOB_SMS);
        List<JsonNode> extensions = api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").valueStream().toList();
        assertThat(extensions).extracting(e -> e.path("extensionId").asString())
                .containsExactly(Long.toString(ALICE), Long.toString(BOB));
        assertThat(extensions).extracting(e -> e.path("primary").asBoolean()).containsExactly(true, false);
        assertThat(api.get("/v1/rc/status", app.apiKey()).json().path("extensions").asInt()).isEqualTo(2);
    }

    @Test
    void disconnectRevokesRemovesSubscriptionsAndForgetsCredentials() {
        ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);
        int sessionsBefore = world.admin().activeSessions(ALICE, SimulatedRingCentral.CLIENT_ID);

        Response disconnected = api.post("/v1/rc/disconnect", app.apiKey(), null);

        assertThat(disconnected.status()).isEqualTo(200);
        assertThat(disconnected.body()).isEqualTo("{\"ok\":true}");
        assertThat(api.get("/v1/rc/status", app.apiKey()).body()).isEqualTo("{\"connected\":false}");
        assertThat(api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").size()).isZero();
        assertThat(world.admin().activeSessions(ALICE, SimulatedRingCentral.CLIENT_ID)).isEqualTo(sessionsBefore - 1);
        assertThat(world.gateway().jdbc().sql("SELECT COUNT(*) FROM rc_extension WHERE tenant_id = :t").param("t", app.tenantId())
                .query(Long.class).single()).isZero();
        assertThat(world.gateway().jdbc().sql("SELECT COUNT(*) FROM rc_subscription WHERE tenant_id = :t").param("t", app.tenantId())
                .query(Long.class).single()).isZero();
    }
}
