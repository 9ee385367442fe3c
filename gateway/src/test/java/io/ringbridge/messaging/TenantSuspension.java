package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB_SMS;
import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.World;
import tools.jackson.databind.JsonNode;

/**
 * The story of issue 13's stale tenant status, told against one gateway or two: a burst outruns RingCentral's
 * pacing window, so messages wait for the next one (up to a minute); the tenant is suspended and they fail within
 * seconds; it is reactivated and the next message goes out at once.
 */
final class TenantSuspension {

    /** RingCentral's limits on, so the gateway's pacing keeps part of a burst waiting. */
    static final World.Setup PACED = new World.Setup(
            config -> World.Setup.STANDARD.simulator().apply(config).rateLimitsEnabled(true),
            gateway -> World.Setup.STANDARD.gateway().apply(gateway)
                    .property("ringbridge.limits.app-requests-per-minute", "100000").property("ringbridge.limits.tenant-requests-per-minute", "100000"));

    static final String CUSTOMER = "+14155550123";
    /** More than one pacing window (40 per minute) holds. */
    static final int BURST = 50;
    /** What "promptly" means here: well inside the minute the messages would otherwise wait. */
    static final Duration PROMPTLY = Duration.ofSeconds(5);

    private TenantSuspension() {
    }

    /** A tenant with Alice (primary) and Bob connected, through {@code api}. */
    static Fixtures.TestApp connectedTenant(Api api) {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
        assertThat(ConnectFlow.connect(api, app.apiKey(), true, ACCOUNT, BOB).status()).isEqualTo(200);
        return app;
    }

    /**
     * Sends a burst from Alice's number through {@code sends}, waits until what the window allowed is sent and the
     * rest waits for the next window, and returns the waiting messages' ids.
     */
    static List<String> burstLeavingSomeWaiting(Api sends, JdbcClient jdbc, Fixtures.TestApp app) {
        for (int i = 0; i < BURST; i++) {
            Sms.accepted(sends, app.apiKey(), ALICE_SMS, CUSTOMER, "Burst " + i);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .alias("part of the burst sent, the rest waiting for the next pacing window")
                .until(() -> {
                    Map<String, Long> counts = counts(jdbc, app.tenantId());
                    return counts.getOrDefault("sent", 0L) + counts.getOrDefault("delivered", 0L) > 0
                            && counts.getOrDefault("sending", 0L) == 0 && counts.getOrDefault("queued", 0L) > 0;
                });
        List<String> waiting = queued(jdbc, app.tenantId());
        sleep(1_000);
        assertThat(queued(jdbc, app.tenantId())).as("still waiting a second later").isEqualTo(waiting);
        return waiting;
    }

    /** Suspends the tenant through {@code changes}; asserts its waiting messages fail promptly, each announced. */
    static void suspendAndExpectWaitingToFail(Api changes, JdbcClient jdbc, Fixtures.TestApp app, List<String> waiting) {
        long suspendedAt = System.nanoTime();
        Response suspended = changes.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"suspended\"}");
        assertThat(suspended.status()).as("suspend: %s", suspended).isEqualTo(200);

        Awaitility.await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(100))
                .alias("the suspended tenant's waiting messages fail")
                .until(() -> queued(jdbc, app.tenantId()).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - suspendedAt)).isLessThan(PROMPTLY);
        for (String id : waiting) {
            Map<String, Object> row = jdbc.sql("SELECT status, error, sent_at FROM message WHERE id = :id")
                    .param("id", id).query().singleRow();
            assertThat(row.get("status")).as("message %s", id).isEqualTo("failed");
            assertThat(row.get("error")).isEqualTo("Tenant suspended or inactive");
            assertThat(row.get("sent_at")).isNull();
            List<JsonNode> events = Sms.events(jdbc, app.tenantId(), id);
            assertThat(events).as("sms_status events of %s", id).isNotEmpty();
            assertThat(events.getLast().path("status").asString()).isEqualTo("failed");
            assertThat(events.getLast().path("error").asString()).isEqualTo("Tenant suspended or inactive");
        }
    }

    /** Reactivates through {@code changes}; the very next message through {@code sends} is accepted and sent. */
    static void reactivateAndExpectTheNextMessageSent(Api changes, Api sends, Fixtures.TestApp app) {
        Response refused = sends.get("/v1/apps", app.apiKey());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("Tenant suspended or inactive");

        Response active = changes.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"active\"}");
        assertThat(active.status()).as("reactivate: %s", active).isEqualTo(200);

        // From Bob's number: Alice's pacing window is still full from the burst.
        Response accepted = Sms.send(sends, app.apiKey(), BOB_SMS, CUSTOMER, "Right after reactivation");
        assertThat(accepted.status()).as("send right after reactivation: %s", accepted).isEqualTo(202);
        JsonNode sent = Sms.awaitStatus(sends, app.apiKey(), accepted.text("messageId"), Duration.ofSeconds(15),
                "sent", "delivered", "failed");
        assertThat(sent.path("status").asString()).as("%s", sent).isIn("sent", "delivered");
        assertThat(sent.path("error").isNull()).isTrue();
    }

    private static Map<String, Long> counts(JdbcClient jdbc, String tenantId) {
        return jdbc.sql("SELECT status, COUNT(*) AS n FROM message WHERE tenant_id = :tenant GROUP BY status")
                .param("tenant", tenantId).query().listOfRows().stream()
                .collect(Collectors.toMap(row -> (String) row.get("status"), row -> ((Number) row.get("n")).longValue()));
    }

    private static List<String> queued(JdbcClient jdbc, String tenantId) {
        return jdbc.sql("SELECT id FROM message WHERE tenant_id = :tenant AND status = 'queued' ORDER BY id")
                .param("tenant", tenantId).query(String.class).list();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
