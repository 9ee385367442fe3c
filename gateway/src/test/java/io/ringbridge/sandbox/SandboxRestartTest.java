package io.ringbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.simulator.RingCentralSimulator;
import io.ringbridge.simulator.admin.SimulatorAdmin;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.HttpRelay;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/**
 * docs/API.md "Sandbox mode": the built-in simulator keeps its state under the data directory, so a sandbox gateway
 * started again on the same data directory and database is still connected and RingCentral message ids never repeat.
 */
@EveryDatabase
class SandboxRestartTest {

    private static final String ACCOUNT = "400000001";
    private static final long ALICE = 400000101L;
    private static final String ALICE_SMS = "+16505550101";

    @Parameter
    Database database;

    @Test
    void aRestartedSandboxIsStillConnectedAndItsMessageIdsDoNotRepeat() {
        // A stable public address in front of the gateway, as in production: the webhook address survives restarts.
        try (HttpRelay front = HttpRelay.unconnected()) {
            restartBehind(front);
        }
    }

    private void restartBehind(HttpRelay front) {
        TestGateway first = gateway(front).start();
        front.target(first.baseUri());
        Path stateFile = first.bean(RingBridgeProperties.class).dataDir().resolve(SandboxConfiguration.STATE_FILE);
        Fixtures.TestApp app;
        String firstRcId;
        try {
            shortAccessTokens(first);
            Api api = first.api();
            app = Fixtures.newTenantWithApp(api);
            Response connected = ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE);
            assertThat(connected.status()).as("callback: %s", connected).isEqualTo(200);
            firstRcId = rcMessageIdOnceSent(api, app.apiKey(), send(api, app.apiKey(), "Before the restart"));
        } finally {
            first.close();
        }
        assertThat(stateFile).as("the simulator's state under the data directory").exists();

        TestGateway second = gateway(front).sharingDatabaseWith(first).start();
        front.target(second.baseUri());
        try {
            SimulatorAdmin simulator = shortAccessTokens(second);
            Api api = second.api();
            JsonNode extensions = api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions");
            assertThat(extensions.size()).isEqualTo(1);
            assertThat(extensions.get(0).path("status").asString()).isEqualTo("active");

            String messageId = send(api, app.apiKey(), "After the restart");
            String secondRcId = rcMessageIdOnceSent(api, app.apiKey(), messageId);
            assertThat(secondRcId).isNotEqualTo(firstRcId);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    "delivered".equals(api.get("/v1/sms/status/" + messageId, app.apiKey()).text("deliveryStatus")));

            // The restored session refreshes with this start's app secret once its access token nears expiry.
            long refreshesBefore = simulator.tokenRequests("refresh_token");
            await().atMost(Duration.ofSeconds(90)).until(() -> simulator.tokenRequests("refresh_token") > refreshesBefore);
            assertThat(api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").get(0).path("status")
                    .asString()).isEqualTo("active");
            assertThat(rcMessageIdOnceSent(api, app.apiKey(), send(api, app.apiKey(), "After the refresh")))
                    .isNotIn(firstRcId, secondRcId);
        } finally {
            second.close();
        }
    }

    private TestGateway.Builder gateway(HttpRelay front) {
        return TestGateway.on(database).property("ringbridge.public-url", front.baseUri().toString())
                .property("ringbridge.connection.refresh-sweep-interval", "1s");
    }

    /**
     * Access tokens that live 90 s: past the restart, but the gateway refreshes them at two thirds of that (checked
     * every second here), so the restored session must refresh in the second gateway's lifetime.
     */
    private static SimulatorAdmin shortAccessTokens(TestGateway gateway) {
        SimulatorAdmin admin = gateway.bean(RingCentralSimulator.class).admin();
        admin.tokenLifetimes(Duration.ofSeconds(90), Duration.ofHours(1));
        return admin;
    }

    private static String send(Api api, String apiKey, String text) {
        Response accepted = api.post("/v1/sms/send", apiKey,
                "{\"to\":\"+14155550100\",\"from\":\"" + ALICE_SMS + "\",\"body\":\"" + text + "\"}");
        assertThat(accepted.status()).as("send: %s", accepted).isEqualTo(202);
        return accepted.text("messageId");
    }

    private static String rcMessageIdOnceSent(Api api, String apiKey, String messageId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/v1/sms/status/" + messageId, apiKey).text("status").equals("sent"));
        String rcMessageId = api.get("/v1/sms/status/" + messageId, apiKey).text("rcMessageId");
        assertThat(rcMessageId).isNotBlank();
        return rcMessageId;
    }
}
