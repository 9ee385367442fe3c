package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.Bulk;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EmbeddedPostgresServer;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.GatewayProcess;
import io.ringbridge.testsupport.ScratchDirectories;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * A gateway process draining 5,000 messages is killed with SIGKILL mid-way and started again on the same
 * database: every message ends terminal, none is lost, none reaches RingCentral twice (the simulator counts).
 */
@EveryDatabase
class CrashRecoveryTest {

    static final int MESSAGES = 5_000;

    @Parameter
    Database database;

    @Test
    void killedMidDrainThenRestartedEveryMessageIsSentExactlyOnce() throws Exception {
        try (SimulatedRingCentral ringCentral = SimulatedRingCentral.start(config -> config.rateLimitsEnabled(false)
                .latencyMs(20))) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("ringbridge.data-dir", ScratchDirectories.create("crash-test-").toString());
            properties.put("database.url", database == Database.POSTGRES ? EmbeddedPostgresServer.newDatabase() : "");
            properties.put("ringbridge.admin-key", TestGateway.ADMIN_KEY);
            properties.put("ringbridge.limits.app-requests-per-minute", "1000000");
            properties.put("ringbridge.limits.tenant-requests-per-minute", "1000000");
            properties.put("ringbridge.limits.admin-requests-per-minute", "1000000");
            properties.put("ringcentral.client-id", SimulatedRingCentral.CLIENT_ID);
            properties.put("ringcentral.client-secret", SimulatedRingCentral.CLIENT_SECRET);
            properties.put("ringcentral.server", ringCentral.simulator().baseUri().toString());
            properties.put("ringcentral.http.request-timeout", "3s");
            properties.put("ringbridge.sending.lease", "10s");
            properties.put("ringbridge.sending.lookup-delay", "1s");
            properties.put("ringbridge.sending.recovery-interval", "1s");
            properties.put("ringbridge.sending.max-in-flight", "64");

            // Accept everything first, with sending off, so the drain below is one uninterrupted run to interrupt.
            Map<String, String> accepted;
            Fixtures.TestApp app;
            properties.put("ringbridge.sending.enabled", "false");
            try (GatewayProcess accepting = GatewayProcess.start(properties)) {
                ringCentral.registerGateway(accepting.baseUri());
                app = Fixtures.newTenantWithApp(accepting.api());
                assertThat(ConnectFlow.connect(accepting.api(), app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
                accepted = Bulk.submit(accepting.api(), app.apiKey(), ALICE_SMS, MESSAGES, "crash-" + database);
            }
            properties.put("ringbridge.sending.enabled", "true");

            try (GatewayProcess draining = GatewayProcess.start(properties)) {
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> Bulk.totalReceived(ringCentral.admin(), ALICE_SMS) >= MESSAGES / 3);
                draining.kill();
            }
            long receivedBeforeKill = Bulk.totalReceived(ringCentral.admin(), ALICE_SMS);

            try (GatewayProcess restarted = GatewayProcess.start(properties)) {
                Bulk.awaitDrained(restarted.api(), app.apiKey(), Duration.ofMinutes(3));
                Map<String, String> statuses = Bulk.statuses(restarted.api(), app.apiKey());

                assertThat(receivedBeforeKill).as("killed mid-way").isBetween((long) MESSAGES / 3, MESSAGES - 1L);
                assertThat(statuses).as("no message lost").containsOnlyKeys(accepted.keySet());
                assertThat(statuses.values()).as("every message ended sent").allMatch("sent"::equals);
                assertThat(Bulk.duplicates(ringCentral.admin(), ALICE_SMS)).as("nothing sent twice").isEmpty();
                assertThat(Bulk.receivedByBody(ringCentral.admin(), ALICE_SMS).keySet())
                        .as("RingCentral received each message").containsExactlyInAnyOrderElementsOf(accepted.values());
            }
        }
    }
}
