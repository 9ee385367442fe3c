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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ringbridge.simulator.admin.SimulatorAdmin;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.faults.Operations;
import io.ringbridge.simulator.limits.RateLimitStats;
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
 * Crash recovery within RingCentral's limits: a RingCentral that enforces its limits, answers after 1.5 s and loses
 * 15 % of its answers outlives a gateway killed with SIGKILL while dozens of messages are {@code sending}. After
 * the restart every message is final within 3 minutes, the in-doubt look-ups draw no 429, none is lost and none
 * reaches RingCentral twice.
 */
@EveryDatabase
class CrashPacingTest {

    private static final Logger log = LoggerFactory.getLogger(CrashPacingTest.class);

    static final int MESSAGES = 60;
    static final int SENDING_AT_KILL = 25;
    static final Duration FINAL_WITHIN = Duration.ofMinutes(3);

    @Parameter
    Database database;

    @Test
    void killedWithMessagesSendingEveryMessageIsFinalWithinThreeMinutesAndLookUpsDrawNo429() throws Exception {
        try (SimulatedRingCentral ringCentral = SimulatedRingCentral.start(config -> config.rateLimitsEnabled(true))) {
            Map<String, String> properties = gatewayProperties(ringCentral);
            SimulatorAdmin rc = ringCentral.admin();
            Map<String, String> accepted;
            Fixtures.TestApp app;
            long sendingAtKill;
            try (GatewayProcess killed = GatewayProcess.start(properties)) {
                ringCentral.registerGateway(killed.baseUri());
                app = Fixtures.newTenantWithApp(killed.api());
                assertThat(ConnectFlow.connect(killed.api(), app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
                rc.addFault(FaultRule.latency("*", 1_500));
                rc.addFault(FaultRule.lostResponse("*", 0.15, null));
                accepted = Bulk.submit(killed.api(), app.apiKey(), ALICE_SMS, MESSAGES, "paced-" + database);
                sendingAtKill = Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                        .until(() -> sending(killed, app), n -> n >= SENDING_AT_KILL);
                killed.kill();
            }

            try (GatewayProcess restarted = GatewayProcess.start(properties)) {
                long restartedAt = System.nanoTime(); // answering: how long a JVM takes to start is not the point
                Bulk.awaitDrained(restarted.api(), app.apiKey(), FINAL_WITHIN);
                Duration toFinal = Duration.ofNanos(System.nanoTime() - restartedAt);
                Map<String, String> statuses = Bulk.statuses(restarted.api(), app.apiKey());
                log.info("Crash with {} sending on {}: every message final {} s after the restart; 429s: light {}, medium {}, auth {}",
                        sendingAtKill, database, toFinal.toSeconds(), throttled(rc, "Light"), throttled(rc, "Medium"),
                        throttled(rc, "Auth"));

                assertThat(sendingAtKill).as("messages sending when killed").isGreaterThanOrEqualTo(SENDING_AT_KILL);
                assertThat(toFinal).as("every message final within 3 minutes of the restart").isLessThan(FINAL_WITHIN);
                assertThat(throttled(rc, "Light")).as("429s drawn by message-store look-ups").isZero();
                assertThat(statuses).as("no message lost").containsOnlyKeys(accepted.keySet());
                assertThat(statuses.values()).as("every message ended sent").allMatch(s -> s.equals("sent") || s.equals("delivered"));
                assertThat(Bulk.duplicates(rc, ALICE_SMS)).as("nothing sent twice").isEmpty();
                assertThat(Bulk.receivedByBody(rc, ALICE_SMS).keySet())
                        .as("RingCentral received each message").containsExactlyInAnyOrderElementsOf(accepted.values());
            }
        }
    }

    private Map<String, String> gatewayProperties(SimulatedRingCentral ringCentral) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ringbridge.data-dir", ScratchDirectories.create("crash-pacing-").toString());
        properties.put("database.url", database == Database.POSTGRES ? EmbeddedPostgresServer.newDatabase() : "");
        properties.put("ringbridge.admin-key", TestGateway.ADMIN_KEY);
        properties.put("ringbridge.limits.app-requests-per-minute", "1000000");
        properties.put("ringbridge.limits.tenant-requests-per-minute", "1000000");
        properties.put("ringbridge.limits.admin-requests-per-minute", "1000000");
        properties.put("ringcentral.client-id", SimulatedRingCentral.CLIENT_ID);
        properties.put("ringcentral.client-secret", SimulatedRingCentral.CLIENT_SECRET);
        properties.put("ringcentral.server", ringCentral.simulator().baseUri().toString());
        properties.put("ringcentral.http.request-timeout", "10s");
        properties.put("ringbridge.sending.lease", "30s");
        return properties;
    }

    private static long sending(GatewayProcess gateway, Fixtures.TestApp app) {
        return Bulk.statuses(gateway.api(), app.apiKey()).values().stream().filter("sending"::equals).count();
    }

    /** 429s RingCentral answered in one throttling group, over all users. */
    static long throttled(SimulatorAdmin rc, String group) {
        return rc.counters().rateLimits().stream().filter(stats -> group.equals(stats.group()))
                .mapToLong(RateLimitStats::throttled).sum();
    }
}
