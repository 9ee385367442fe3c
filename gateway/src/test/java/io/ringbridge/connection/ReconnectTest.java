package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB;
import static io.ringbridge.testsupport.SimulatedRingCentral.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.faults.Operations;
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
 * docs/API.md "RingCentral connection", reconnect: the same extension connecting again is updated in place (new tokens,
 * active, its subscription re-created, its old RingCentral session ended), and a reconnect that fails changes nothing.
 */
@SharedGateways
@EveryDatabase
class ReconnectTest {

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
        world.admin().clearFaults();
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
    }

    @Test
    void connectingTheSameExtensionAgainUpdatesItInPlace() {
        Connection first = connect(false, ALICE);
        JsonNode before = extension(ALICE);

        Response again = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);

        assertThat(again.status()).isEqualTo(200);
        assertThat(ConnectWorld.title(again)).isEqualTo("RingCentral reconnected");
        assertThat(ConnectWorld.text(again)).contains(ACCOUNT).contains("Alice Able").contains(ALICE_SMS);
        JsonNode after = extension(ALICE);
        assertThat(api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").size()).isEqualTo(1);
        assertThat(after.path("status").asString()).isEqualTo("active");
        assertThat(after.path("connectedAt").asString()).as("connectedAt is kept").isEqualTo(before.path("connectedAt").asString());
        assertThat(after.path("phoneNumbers")).isEqualTo(before.path("phoneNumbers"));
        assertThat(after.path("primary").asBoolean()).isTrue();
        ConnectWorld.SealedTokens tokens = ConnectWorld.SealedTokens.of(world.gateway(), app.tenantId(), ALICE);
        assertThat(tokens.access()).as("new access token").isNotEqualTo(first.tokens().access());
        assertThat(tokens.refresh()).as("new refresh token").isNotEqualTo(first.tokens().refresh());

        Set<String> subscriptions = ConnectWorld.recordedSubscriptionIds(world.gateway(), app.tenantId(), ALICE);
        assertThat(subscriptions).hasSize(1).doesNotContainAnyElementsOf(first.subscriptions());
        Set<String> live = ConnectWorld.subscriptionIds(world.ringCentral(), ALICE);
        assertThat(live).as("the new subscription exists at RingCentral").containsAll(subscriptions);
        assertThat(live).as("the old one was deleted there").doesNotContainAnyElementsOf(first.subscriptions());

        Map<String, String> sessions = ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID);
        assertThat(sessions).as("the old session was revoked").containsEntry(first.session(), "REVOKED");
        Map<String, String> opened = new HashMap<>(sessions);
        opened.keySet().removeAll(first.sessionsAfter().keySet());
        assertThat(opened.values()).as("one new session, in use").containsExactly("Active");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).extracting(ConnectWorld.Rows::extensions,
                ConnectWorld.Rows::numbers, ConnectWorld.Rows::subscriptions).containsExactly(1L, 2L, 1L);
    }

    @Test
    void aReconnectKeepsWhoIsThePrimaryUserUnlessAConnectLinkIsUsed() {
        connect(false, ALICE);
        connect(true, BOB);

        assertThat(ConnectFlow.connect(api, app.apiKey(), true, ACCOUNT, BOB).status()).isEqualTo(200);
        assertThat(ConnectFlow.connect(api, app.apiKey(), true, ACCOUNT, ALICE).status()).isEqualTo(200);
        assertThat(extension(ALICE).path("primary").asBoolean()).as("Alice stays primary").isTrue();
        assertThat(extension(BOB).path("primary").asBoolean()).isFalse();

        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, BOB).status()).isEqualTo(200);
        assertThat(extension(BOB).path("primary").asBoolean()).as("a connect link makes its user the primary one").isTrue();
        assertThat(extension(ALICE).path("primary").asBoolean()).isFalse();
        assertThat(api.get("/v1/rc/status", app.apiKey()).json().path("extensions").asInt()).isEqualTo(2);
    }

    @Test
    void aRevokedExtensionIsActiveAgainAfterReconnecting() {
        connect(false, ALICE);
        // What the refresher records when RingCentral answers invalid_grant: the user must connect again.
        world.gateway().jdbc().sql("UPDATE rc_extension SET status = 'revoked', refresh_failures = 3, last_refresh_error = 'OAU-211' "
                + "WHERE tenant_id = :t").param("t", app.tenantId()).update();
        assertThat(api.get("/v1/rc/status", app.apiKey()).body()).isEqualTo("{\"connected\":false}");
        assertThat(extension(ALICE).path("status").asString()).isEqualTo("revoked");

        assertThat(ConnectFlow.connect(api, app.apiKey(), true, ACCOUNT, ALICE).status()).isEqualTo(200);

        JsonNode alice = extension(ALICE);
        assertThat(alice.path("status").asString()).isEqualTo("active");
        assertThat(alice.path("lastRefreshError").isNull()).isTrue();
        assertThat(api.get("/v1/rc/status", app.apiKey()).json().path("connected").asBoolean()).isTrue();
        assertThat(world.gateway().jdbc().sql("SELECT refresh_failures FROM rc_extension WHERE tenant_id = :t").param("t", app.tenantId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aReconnectWhoseSetupFailsLeavesThePreviousConnectionWorking() {
        Connection first = connect(false, ALICE);
        JsonNode before = extension(ALICE);

        for (String operation : List.of(Operations.LIST_PHONE_NUMBERS, Operations.CREATE_SUBSCRIPTION)) {
            world.admin().addFault(FaultRule.error(operation, 503, 1.0, null));
            Map<String, String> sessionsBefore = ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID);

            Response failed = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);
            world.admin().clearFaults();

            assertThat(ConnectWorld.htmlPage(failed, 502)).as(operation).contains("Nothing was stored");
            assertThat(extension(ALICE)).as("the extension is as it was").isEqualTo(before);
            assertThat(ConnectWorld.SealedTokens.of(world.gateway(), app.tenantId(), ALICE)).isEqualTo(first.tokens());
            assertThat(ConnectWorld.recordedSubscriptionIds(world.gateway(), app.tenantId(), ALICE)).isEqualTo(first.subscriptions());
            assertThat(ConnectWorld.subscriptionIds(world.ringCentral(), ALICE)).containsAll(first.subscriptions());
            Map<String, String> sessions = ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID);
            assertThat(sessions).as("the connection's session lives on").containsEntry(first.session(), "Active");
            Map<String, String> opened = new HashMap<>(sessions);
            opened.keySet().removeAll(sessionsBefore.keySet());
            assertThat(opened.values()).as("the failed attempt's session is revoked").containsExactly("REVOKED");
            assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(first.rows());
        }

        // The stored tokens still work at RingCentral.
        Response sync = api.post("/v1/rc/extensions/" + ALICE + "/sync", app.apiKey(), null);
        assertThat(sync.status()).as("%s", sync).isEqualTo(200);
        assertThat(sync.json().path("phoneNumbers").get(0).asString()).isEqualTo(ALICE_SMS);
        assertThat(api.get("/v1/rc/status", app.apiKey()).json().path("connected").asBoolean()).isTrue();
    }

    @Test
    void reconnectingThroughAnotherAppEndsWhatTheFirstAppLeftAtRingCentral() {
        Connection first = connect(false, ALICE);
        String ownClientId = "tenant-app-" + System.nanoTime();
        ConnectWorld.registerApp(world.ringCentral(), ownClientId, "own-secret", List.of(ConnectWorld.redirectUri(world.gateway())),
                SimulatedRingCentral.PERMISSIONS);
        Response own = api.put("/v1/rc/app", app.apiKey(), "{\"clientId\":\"" + ownClientId
                + "\",\"clientSecret\":\"own-secret\",\"server\":\"" + world.ringCentral().simulator().baseUri() + "\"}");
        assertThat(own.status()).as("%s", own).isEqualTo(200);

        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);

        assertThat(ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID)).containsEntry(first.session(), "REVOKED");
        assertThat(ConnectWorld.sessions(world.ringCentral(), ALICE, ownClientId).values()).containsExactly("Active");
        Set<String> recorded = ConnectWorld.recordedSubscriptionIds(world.gateway(), app.tenantId(), ALICE);
        assertThat(recorded).hasSize(1).doesNotContainAnyElementsOf(first.subscriptions());
        assertThat(ConnectWorld.subscriptionIds(world.ringCentral(), ALICE)).as("the operator app's subscription is gone")
                .containsAll(recorded).doesNotContainAnyElementsOf(first.subscriptions());
    }

    /** What a first connection left: its sealed tokens, subscription ids, RingCentral session, rows. */
    private record Connection(ConnectWorld.SealedTokens tokens, Set<String> subscriptions, String session,
                              Map<String, String> sessionsAfter, ConnectWorld.Rows rows) {
    }

    private Connection connect(boolean invite, long extensionId) {
        Map<String, String> sessionsBefore = ConnectWorld.sessions(world.ringCentral(), extensionId, CLIENT_ID);
        Response connected = ConnectFlow.connect(api, app.apiKey(), invite, ACCOUNT, extensionId);
        assertThat(connected.status()).as("%s", connected).isEqualTo(200);
        Map<String, String> sessionsAfter = ConnectWorld.sessions(world.ringCentral(), extensionId, CLIENT_ID);
        Map<String, String> opened = new HashMap<>(sessionsAfter);
        opened.keySet().removeAll(sessionsBefore.keySet());
        assertThat(opened).hasSize(1);
        Set<String> subscriptions = ConnectWorld.recordedSubscriptionIds(world.gateway(), app.tenantId(), extensionId);
        assertThat(subscriptions).hasSize(1);
        assertThat(ConnectWorld.subscriptionIds(world.ringCentral(), extensionId)).containsAll(subscriptions);
        return new Connection(ConnectWorld.SealedTokens.of(world.gateway(), app.tenantId(), extensionId), subscriptions,
                opened.keySet().iterator().next(), sessionsAfter, ConnectWorld.Rows.of(world.gateway(), app.tenantId()));
    }

    private JsonNode extension(long extensionId) {
        return api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").valueStream()
                .filter(e -> e.path("extensionId").asString().equals(Long.toString(extensionId))).findFirst().orElseThrow();
    }
}
