package io.ringbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/** What the connection-lifecycle tests share: connecting a user and looking at the outcome from outside. */
final class Lifecycle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Lifecycle() {
    }

    /** A connected extension and the RingCentral OAuth session it was given. */
    record Connected(Fixtures.TestApp app, String extensionId, String sessionId) {
    }

    /** Connects {@code user} of the demo account for a new tenant over HTTP; returns it with its new OAuth session. */
    static Connected connect(TestGateway gateway, SimulatedRingCentral ringCentral, long user) {
        Api api = gateway.api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        return connect(api, app, ringCentral, user);
    }

    static Connected connect(Api api, Fixtures.TestApp app, SimulatedRingCentral ringCentral, long user) {
        Set<String> before = sessionIds(ringCentral);
        Response callback = ConnectFlow.connect(api, app.apiKey(), false, SimulatedRingCentral.ACCOUNT, user);
        assertThat(callback.status()).as("callback: %s", callback).isEqualTo(200);
        List<String> opened = ringCentral.admin().sessions().stream()
                .filter(s -> s.get("extensionId").equals(Long.toString(user)))
                .map(s -> (String) s.get("sessionId")).filter(id -> !before.contains(id)).toList();
        assertThat(opened).as("the connect opened one OAuth session").hasSize(1);
        return new Connected(app, Long.toString(user), opened.getFirst());
    }

    static Set<String> sessionIds(SimulatedRingCentral ringCentral) {
        Set<String> ids = new HashSet<>();
        ringCentral.admin().sessions().forEach(s -> ids.add((String) s.get("sessionId")));
        return ids;
    }

    static Map<String, Object> session(SimulatedRingCentral ringCentral, String sessionId) {
        return ringCentral.admin().sessions().stream().filter(s -> s.get("sessionId").equals(sessionId))
                .findFirst().orElseThrow();
    }

    /** The extension as {@code GET /v1/rc/extensions} shows it. */
    static JsonNode extension(Api api, Connected connected) {
        Response response = api.get("/v1/rc/extensions", connected.app().apiKey());
        assertThat(response.status()).as("extensions: %s", response).isEqualTo(200);
        return response.json().path("extensions").valueStream()
                .filter(e -> e.path("extensionId").asString().equals(connected.extensionId()))
                .findFirst().orElseThrow(() -> new AssertionError("extension not listed: " + response));
    }

    static String status(Api api, Connected connected) {
        return extension(api, connected).path("status").asString();
    }

    /**
     * The status as stored, for polling: the API's own budget (100 requests a minute per app key) is not meant for
     * watching a status several times a second.
     */
    static String storedStatus(TestGateway gateway, Connected connected) {
        return gateway.jdbc().sql("SELECT status FROM rc_extension WHERE tenant_id = :tenant AND extension_id = :ext")
                .param("tenant", connected.app().tenantId()).param("ext", connected.extensionId())
                .query(String.class).optional().orElse("gone");
    }

    /** The request that needs the extension's token: reads its numbers from RingCentral. */
    static Response sync(Api api, Connected connected) {
        return api.post("/v1/rc/extensions/" + connected.extensionId() + "/sync", connected.app().apiKey(), null);
    }

    /** The statuses announced by {@code rc_connection} events for the extension, oldest first. */
    static List<String> announcedStatuses(TestGateway gateway, Connected connected) {
        return gateway.jdbc().sql("SELECT payload FROM event_outbox WHERE type = 'rc_connection' AND tenant_id = :tenant ORDER BY id")
                .param("tenant", connected.app().tenantId()).query(String.class).list().stream()
                .map(JSON::readTree)
                .filter(event -> event.path("extensionId").asString().equals(connected.extensionId()))
                .map(event -> event.path("status").asString())
                .toList();
    }

    /**
     * Disconnects the tenant (ends background refreshes of its extensions), as the operator: works even when the
     * app's own request budget is spent.
     */
    static void disconnect(Api api, Connected connected) {
        if (connected != null) {
            Response response = api.post("/v1/rc/disconnect?tenantId=" + connected.app().tenantId(), TestGateway.ADMIN_KEY, null);
            assertThat(response.status()).as("disconnect: %s", response).isEqualTo(200);
        }
    }
}
