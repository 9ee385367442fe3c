package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** A tenant brings its own RingCentral app ({@code /v1/rc/app}); and the permission (scope) check. */
@SharedGateways
@EveryDatabase
class TenantAppTest {

    static World world;
    static String server;

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;
    /** The tenant's own app, registered at the simulator for this test. */
    String ownClientId;
    String ownSecret;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        world = Gateways.withSimulator(database);
        server = world.ringCentral().simulator().baseUri().toString().replaceAll("/$", "");
    }

    @BeforeEach
    void setUp() {
        world.ringCentral().permissions(SimulatedRingCentral.PERMISSIONS);
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
        ownClientId = "tenant-app-" + System.nanoTime();
        ownSecret = "tenant-secret-" + System.nanoTime();
        registerOwnApp(SimulatedRingCentral.PERMISSIONS);
    }

    // ---- PUT / GET / DELETE /v1/rc/app

    @Test
    void putValidatesEveryField() {
        String ok = "\"clientId\":\"abc\",\"clientSecret\":\"def\"";
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("{}", "clientId must be 1-200 characters"),
                Map.entry("{\"clientSecret\":\"def\"}", "clientId must be 1-200 characters"),
                Map.entry("{\"clientId\":\"   \",\"clientSecret\":\"def\"}", "clientId must be 1-200 characters"),
                Map.entry("{\"clientId\":\"" + "a".repeat(201) + "\",\"clientSecret\":\"def\"}", "clientId must be 1-200 characters"),
                Map.entry("{\"clientId\":42,\"clientSecret\":\"def\"}", "clientId must be 1-200 characters"),
                Map.entry("{\"clientId\":\"abc\"}", "clientSecret must be 1-200 characters"),
                Map.entry("{\"clientId\":\"abc\",\"clientSecret\":\"\"}", "clientSecret must be 1-200 characters"),
                Map.entry("{\"clientId\":\"abc\",\"clientSecret\":\"" + "s".repeat(201) + "\"}", "clientSecret must be 1-200 characters"),
                Map.entry("{" + ok + ",\"server\":\"ftp://platform.ringcentral.com\"}", "server must be an https:// URL"),
                Map.entry("{" + ok + ",\"server\":\"platform.ringcentral.com\"}", "server must be an https:// URL"),
                Map.entry("{" + ok + ",\"server\":\"https://platform.ringcentral.com?x=1\"}", "server must be an https:// URL"),
                Map.entry("{" + ok + ",\"server\":\"https://user:pw@platform.ringcentral.com\"}", "server must be an https:// URL"),
                Map.entry("{" + ok + ",\"server\":\"https://exa mple.com\"}", "server must be an https:// URL"),
                Map.entry("{" + ok + ",\"server\":7}", "server must be an https:// URL"),
                Map.entry("{\"clientId\":", "Invalid JSON body"),
                Map.entry("[]", "Invalid JSON body"));

        bodies.forEach((body, error) -> {
            Response response = api.put("/v1/rc/app", app.apiKey(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.error()).as(body).isEqualTo(error);
        });
        assertThat(api.get("/v1/rc/app", app.apiKey()).json().path("custom").asBoolean()).as("nothing was saved").isFalse();
        assertThat(api.put("/v1/rc/app", null, "{" + ok + "}").status()).isEqualTo(401);
    }

    /** Issue 14: a tenant pointed its app at any host, and its connect links and credentials followed. */
    @Test
    void aServerOtherThanRingCentralsOrTheOperatorsIsRefused() {
        String ok = "\"clientId\":\"" + ownClientId + "\",\"clientSecret\":\"" + ownSecret + "\"";
        URI simulator = URI.create(server);
        List<String> refused = List.of("https://169.254.169.254", "http://169.254.169.254", "https://evil.example.com",
                "http://platform.ringcentral.com", "https://platform.ringcentral.com.evil.example",
                "https://platform.ringcentral.com:8443", "https://platform.ringcentral.com/evil",
                "http://" + simulator.getHost() + ":" + (simulator.getPort() + 1),
                server + "/other-path");

        for (String candidate : refused) {
            Response response = api.put("/v1/rc/app", app.apiKey(), "{" + ok + ",\"server\":\"" + candidate + "\"}");
            assertThat(response.status()).as(candidate).isEqualTo(400);
            assertThat(response.error()).as(candidate).isEqualTo("server must be a RingCentral server "
                    + "(https://platform.ringcentral.com, https://platform.devtest.ringcentral.com) or one the operator allows");
            assertThat(response.text("code")).as(candidate).isEqualTo("server_not_allowed");
        }

        assertThat(api.get("/v1/rc/app", app.apiKey()).json().path("custom").asBoolean()).as("nothing was saved").isFalse();
        Response click = ConnectFlow.click(api, ConnectFlow.link(api, app.apiKey(), false));
        assertThat(click.header("Location")).as("links still lead to the operator's RingCentral").startsWith(server + "/restapi/oauth/authorize?");
    }

    /** An app stored before servers were confined: its server is never sent a tenant's people. */
    @Test
    void aStoredServerThatIsNoLongerAllowedIsNeverUsedForANewConnection() {
        putOwnApp(server);
        world.gateway().jdbc().sql("UPDATE rc_app SET server = 'https://169.254.169.254' WHERE tenant_id = :t")
                .param("t", app.tenantId()).update();
        String link = ConnectFlow.link(api, app.apiKey(), false);

        Response click = ConnectFlow.click(api, link);

        assertThat(ConnectWorld.title(click)).isEqualTo("This RingCentral app can't be used");
        assertThat(ConnectWorld.htmlPage(click, 400)).contains("https://169.254.169.254", "PUT /v1/rc/app", "DELETE /v1/rc/app");
        assertThat(click.header("Location")).isNull();
        putOwnApp(server);
        Response again = ConnectFlow.click(api, link);
        assertThat(again.status()).as("the link was not used up: %s", again).isEqualTo(303);
        assertThat(again.header("Location")).startsWith(server + "/restapi/oauth/authorize?");
    }

    @Test
    void ringCentralsOwnServersAreAcceptedAndTheConfirmationPageMayPostOnlyThere() {
        for (String candidate : List.of("https://platform.devtest.ringcentral.com/", "https://PLATFORM.ringcentral.com:443",
                "https://platform.ringcentral.com")) {
            Response put = putOwnApp(candidate);
            assertThat(put.status()).as(candidate).isEqualTo(200);
        }
        String link = ConnectFlow.link(api, app.apiKey(), false);

        Response confirm = api.get(link, null);
        Response click = ConnectFlow.click(api, link);

        assertThat(confirm.header("Content-Security-Policy")).contains("form-action 'self' https://platform.ringcentral.com;")
                .doesNotContain("https:;", "https: ");
        assertThat(click.header("Location")).startsWith("https://platform.ringcentral.com/restapi/oauth/authorize?");
        Fixtures.TestApp operatorTenant = Fixtures.newTenantWithApp(api);
        Response operatorConfirm = api.get(ConnectFlow.link(api, operatorTenant.apiKey(), false), null);
        URI simulator = URI.create(server);
        assertThat(operatorConfirm.header("Content-Security-Policy"))
                .contains("form-action 'self' http://" + simulator.getRawAuthority() + ";");
    }

    @Test
    void theSecretIsStoredSealedAndNeverShown() {
        Response before = api.get("/v1/rc/app", app.apiKey());
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json()).isEqualTo(json(Map.of("clientId", CLIENT_ID, "server", server, "custom", false)));

        Response put = putOwnApp(server + "/");

        assertThat(put.status()).as("%s", put).isEqualTo(200);
        JsonNode expected = json(Map.of("clientId", ownClientId, "server", server, "custom", true));
        assertThat(put.json()).as("the server without its trailing slash").isEqualTo(expected);
        Response get = api.get("/v1/rc/app", app.apiKey());
        assertThat(get.json()).isEqualTo(expected);
        for (Response response : List.of(put, get)) {
            assertThat(response.body()).doesNotContain(ownSecret).doesNotContain("clientSecret");
        }
        String stored = world.gateway().jdbc().sql("SELECT client_secret FROM rc_app WHERE tenant_id = :t").param("t", app.tenantId())
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(ownSecret).doesNotContain(ownSecret);
        Fixtures.TestApp otherTenant = Fixtures.newTenantWithApp(api);
        assertThat(api.get("/v1/rc/app", otherTenant.apiKey()).json().path("custom").asBoolean()).isFalse();
    }

    @Test
    void withoutAServerTheOperatorsServerIsUsedAndDeleteRevertsToTheOperatorsApp() {
        Response put = api.put("/v1/rc/app", app.apiKey(),
                "{\"clientId\":\"" + ownClientId + "\",\"clientSecret\":\"" + ownSecret + "\"}");
        assertThat(put.json().path("server").asString()).isEqualTo(server);

        Response deleted = api.delete("/v1/rc/app", app.apiKey());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"ok\":true}");
        assertThat(api.get("/v1/rc/app", app.apiKey()).json())
                .isEqualTo(json(Map.of("clientId", CLIENT_ID, "server", server, "custom", false)));
        assertThat(world.gateway().jdbc().sql("SELECT COUNT(*) FROM rc_app WHERE tenant_id = :t").param("t", app.tenantId())
                .query(Long.class).single()).isZero();
        Response click = ConnectFlow.click(api, ConnectFlow.link(api, app.apiKey(), false));
        assertThat(click.header("Location")).contains("client_id=" + CLIENT_ID + "&");
    }

    // ---- connecting through the tenant's own app

    @Test
    void aConnectGoesThroughTheTenantsOwnApp() {
        putOwnApp(server);
        int operatorSessions = ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID).size();

        Response click = ConnectFlow.click(api, ConnectFlow.link(api, app.apiKey(), false));
        assertThat(click.status()).isEqualTo(303);
        assertThat(click.header("Location")).startsWith(server + "/restapi/oauth/authorize?")
                .contains("client_id=" + ownClientId + "&").doesNotContain(CLIENT_ID);
        URI callback = ConnectFlow.consent(URI.create(click.header("Location")), ACCOUNT, ALICE, true);
        Response connected = ConnectFlow.callback(api, callback);

        assertThat(connected.status()).as("%s", connected).isEqualTo(200);
        assertThat(ConnectWorld.title(connected)).isEqualTo("RingCentral connected");
        // The simulator issues a session to the app that authenticated at the token endpoint (and refuses a code
        // issued to another app): the tenant's credentials were used.
        assertThat(ConnectWorld.sessions(world.ringCentral(), ALICE, ownClientId).values()).containsExactly("Active");
        assertThat(ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID)).hasSize(operatorSessions);
        String subscription = ConnectWorld.recordedSubscriptionIds(world.gateway(), app.tenantId(), ALICE).iterator().next();
        assertThat(world.admin().subscriptions()).filteredOn(s -> s.get("id").equals(subscription))
                .singleElement().satisfies(s -> assertThat(s.get("clientId")).isEqualTo(ownClientId));
        assertThat(api.post("/v1/rc/extensions/" + ALICE + "/sync", app.apiKey(), null).status())
                .as("the stored tokens work with the tenant's app").isEqualTo(200);
    }

    @Test
    void theTenantsOwnCredentialsAreTheOnesChecked() {
        putOwnApp(server);
        URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
        // The tenant's secret changes in its Developer Console; the operator's app is untouched.
        world.admin().addApp(new io.ringbridge.simulator.directory.App(ownClientId, "changed", "Own",
                List.of(ConnectWorld.redirectUri(world.gateway())), SimulatedRingCentral.PERMISSIONS));

        Response page = ConnectFlow.callback(api, callback);

        assertThat(ConnectWorld.title(page)).isEqualTo("RingCentral did not accept this gateway's app credentials");
        assertThat(ConnectWorld.htmlPage(page, 502)).contains("PUT /v1/rc/app").doesNotContain(ownSecret);
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
    }

    @Test
    void afterTheOwnAppIsDeletedItsExtensionsReconnectThroughTheOperatorsApp() {
        putOwnApp(server);
        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
        assertThat(api.delete("/v1/rc/app", app.apiKey()).status()).isEqualTo(200);

        Response reconnected = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);

        assertThat(reconnected.status()).as("%s", reconnected).isEqualTo(200);
        assertThat(ConnectWorld.title(reconnected)).isEqualTo("RingCentral reconnected");
        assertThat(ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID)).containsValue("Active");
        String subscription = ConnectWorld.recordedSubscriptionIds(world.gateway(), app.tenantId(), ALICE).iterator().next();
        assertThat(world.admin().subscriptions()).filteredOn(s -> s.get("id").equals(subscription))
                .singleElement().satisfies(s -> assertThat(s.get("clientId")).isEqualTo(CLIENT_ID));
        assertThat(api.post("/v1/rc/extensions/" + ALICE + "/sync", app.apiKey(), null).status()).isEqualTo(200);
        assertThat(api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").get(0).path("status").asString())
                .isEqualTo("active");
    }

    // ---- the scope check

    @Test
    void aMissingPermissionTheFlowSurvivesIsShownByStatusAndWarnedAboutOnTheSuccessPage() {
        // Without ReadMessages RingCentral still creates the subscription (the message-store filter is disabled),
        // and without SMS nothing in the connect flow fails: the gateway has to notice by itself.
        registerOwnApp(List.of("ReadAccounts", "WebhookSubscriptions"));
        putOwnApp(server);

        Response connected = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);

        assertThat(ConnectWorld.htmlPage(connected, 200)).contains("RingCentral connected")
                .contains("The RingCentral app lacks the permissions SMS, ReadMessages; add them in the RingCentral "
                        + "Developer Console, then connect again.");
        JsonNode status = api.get("/v1/rc/status", app.apiKey()).json();
        assertThat(status.path("connected").asBoolean()).isTrue();
        assertThat(strings(status.path("scopes"))).containsExactly("ReadAccounts", "WebhookSubscriptions");
        assertThat(strings(status.path("missingScopes"))).containsExactly("SMS", "ReadMessages");

        registerOwnApp(List.of("SMS", "ReadAccounts", "WebhookSubscriptions"));
        Response again = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);
        assertThat(ConnectWorld.text(again)).contains("lacks the permission ReadMessages; add it in");
        assertThat(strings(api.get("/v1/rc/status", app.apiKey()).json().path("missingScopes"))).containsExactly("ReadMessages");

        registerOwnApp(SimulatedRingCentral.PERMISSIONS);
        Response complete = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);
        assertThat(ConnectWorld.text(complete)).doesNotContain("lacks the permission").contains("High-volume (A2P)");
        assertThat(api.get("/v1/rc/status", app.apiKey()).json().path("missingScopes").size()).isZero();
    }

    @Test
    void theOperatorsAppIsScopeCheckedToo() {
        List<String> granted = new ArrayList<>(SimulatedRingCentral.PERMISSIONS);
        granted.remove("ReadMessages");
        world.ringCentral().permissions(granted);

        Response connected = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);

        assertThat(ConnectWorld.text(connected)).contains("lacks the permission ReadMessages");
        assertThat(strings(api.get("/v1/rc/status", app.apiKey()).json().path("missingScopes"))).containsExactly("ReadMessages");
    }

    private void registerOwnApp(List<String> permissions) {
        ConnectWorld.registerApp(world.ringCentral(), ownClientId, ownSecret, List.of(ConnectWorld.redirectUri(world.gateway())), permissions);
    }

    private Response putOwnApp(String serverUrl) {
        Response put = api.put("/v1/rc/app", app.apiKey(), "{\"clientId\":\"" + ownClientId + "\",\"clientSecret\":\""
                + ownSecret + "\",\"server\":\"" + serverUrl + "\"}");
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        return put;
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static JsonNode json(Map<String, Object> fields) {
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(fields);
    }
}
