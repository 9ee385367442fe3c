package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_A2P;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB_SMS;
import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.simulator.admin.MessageView;
import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.Directory;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.directory.PhoneNumber;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.sms.DeliverySettings;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.World;
import tools.jackson.databind.JsonNode;

/**
 * docs/API.md "What happens to a message": every way a message ends, with the error an app developer
 * reads; retries and their bound; long texts in segments; the {@code sms_status} events of each change (§7);
 * delivery receipts, which set {@code deliveryStatus} and raise {@code sms_delivery} but never move {@code status}
 * past {@code sent}; and the queue's metrics.
 */
@EveryDatabase
class SendOutcomesTest {

    static final String CUSTOMER = "+14155550123";
    static final String UNREACHABLE = "+15555550100";   // the simulator fails delivery to +1555…
    static final String UNSENDABLE = "+17775550100";    // RingCentral cannot send to +1777… (SendingFailed)
    static final int MAX_ATTEMPTS = 4;

    static World world;
    static Directory originalDirectory;

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        // Retries, waits and refreshes shrunk from minutes to about a second, so bounded retrying fits in a test.
        world = World.Setup.STANDARD.withGateway(gateway -> gateway
                // These tests poll statuses closely; the per-key budget itself is tested in RateLimitTest.
                .property("ringbridge.limits.app-requests-per-minute", "100000").property("ringbridge.limits.tenant-requests-per-minute", "100000")
                .property("ringbridge.sending.max-attempts", String.valueOf(MAX_ATTEMPTS))
                .property("ringbridge.sending.retry-min", "500ms")
                .property("ringbridge.sending.retry-max", "2s")
                .property("ringbridge.sending.wait-for-extension", "1s")
                .property("ringbridge.connection.refresh-retry-min", "1s")
                .property("ringbridge.connection.refresh-retry-max", "2s")
                .property("ringbridge.connection.refresh-sweep-interval", "1s")
                .property("ringbridge.metrics.queue-interval", "500ms"))
                .start(database);
        originalDirectory = world.admin().directory();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        world.close();
    }

    @BeforeEach
    void setUp() {
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
        Sms.countRequests(world.admin(), "sendSms");
    }

    @AfterEach
    void restoreRingCentral() {
        // A message a failed test left waiting must not reach RingCentral during the next test (requests are counted).
        api.post("/v1/rc/disconnect?tenantId=" + app.tenantId(), ADMIN_KEY, null);
        world.admin().clearFaults();
        world.admin().replaceDirectory(originalDirectory);
        world.ringCentral().permissions(SimulatedRingCentral.PERMISSIONS);
        world.admin().tokenLifetimes(Duration.ofHours(1), Duration.ofDays(7));
    }

    // --- failures the gateway knows without asking RingCentral

    @Test
    void aTenantWithoutRingCentralFailsNotConnected() {
        String never = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Never connected");
        assertFailed(never, "RingCentral not connected for this tenant");

        connect();
        assertThat(api.post("/v1/rc/disconnect", app.apiKey(), null).status()).isEqualTo(200);
        String afterDisconnect = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "After disconnect");
        assertFailed(afterDisconnect, "RingCentral not connected for this tenant");

        assertThat(Sms.requests(world.admin(), "sendSms")).as("nothing reached RingCentral").isZero();
    }

    @Test
    void aFromNumberNoConnectedExtensionOwnsFailsNotRegistered() {
        connect();
        for (String from : List.of(BOB_SMS, "+16505559999")) {
            String id = Sms.accepted(api, app.apiKey(), from, CUSTOMER, "From " + from);
            assertFailed(id, "Phone number " + from + " is not registered in this RingCentral account");
        }
        String a2p = Sms.accepted(api, app.apiKey(), ALICE_A2P, CUSTOMER, "From the A2P number");
        assertFailed(a2p, "Phone number " + ALICE_A2P + " is a high-volume (A2P) number, which cannot send through "
                + "RingCentral's SMS API; use a number with the SmsSender feature");
        assertThat(Sms.requests(world.admin(), "sendSms")).isZero();
    }

    @Test
    void aTenantSuspendedWhileItsMessageWaitsFailsIt() {
        connectWithFailingRefresh();
        String id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Waiting when suspended");
        awaitExtension("refresh_failed");
        assertStaysQueued(id, Duration.ofSeconds(2));

        assertThat(api.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"suspended\"}").status()).isEqualTo(200);

        JsonNode message = awaitFinalAsOperator(id);
        assertThat(message.path("status").asString()).isEqualTo("failed");
        assertThat(message.path("error").asString()).isEqualTo("Tenant suspended or inactive");
        assertThat(Sms.requests(world.admin(), "sendSms")).isZero();
    }

    // --- the extension's state

    @Test
    void aRevokedExtensionFailsItsMessagesWithAReconnectHint() {
        Set<String> before = sessionIds();
        connect();
        Set<String> mine = sessionIds();
        mine.removeAll(before);
        assertThat(mine).hasSize(1);
        world.admin().revokeSession(mine.iterator().next()); // e.g. the user removed the app at RingCentral

        String first = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "After the revoke");
        String revoked = "RingCentral access for " + ALICE_SMS + " was revoked; reconnect the extension";
        assertFailed(first, revoked);
        awaitExtension("revoked");
        assertThat(Sms.requests(world.admin(), "sendSms")).as("the refused attempt only").isEqualTo(1);

        String second = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Still revoked");
        assertFailed(second, revoked);
        assertThat(Sms.requests(world.admin(), "sendSms")).as("no attempt for a revoked extension").isEqualTo(1);
    }

    @Test
    void whileTheExtensionsRefreshFailsMessagesWaitQueuedThenGoOnceItRecovers() {
        connectWithFailingRefresh();
        String text = "Waits for the refresh " + System.nanoTime();
        String id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, text);

        awaitExtension("refresh_failed");
        JsonNode waiting = assertStaysQueued(id, Duration.ofSeconds(3));
        assertThat(waiting.path("error").asString()).startsWith("Waiting for RingCentral");
        String metrics = prometheus();
        assertThat(gauge(metrics, "ringbridge_sms_queue_depth")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics, "ringbridge_sms_queue_oldest_age_seconds")).isGreaterThanOrEqualTo(2);

        world.admin().clearFaults(); // RingCentral's token endpoint works again

        JsonNode sent = Sms.awaitStatus(api, app.apiKey(), id, Duration.ofSeconds(30), "sent");
        assertThat(sent.path("error").isNull()).isTrue();
        awaitExtension("active");
        assertThat(world.admin().sendCount(ALICE_SMS, CUSTOMER, text)).isEqualTo(1);
    }

    // --- RingCentral refuses

    @Test
    void msg242FromANumberThatLostSmsSenderFailsAtOnce() {
        connect();
        world.admin().replaceDirectory(withoutSmsSender(world.admin().directory(), ALICE_SMS));

        String id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Refused by RingCentral");

        JsonNode message = Sms.awaitFinal(api, app.apiKey(), id);
        assertThat(message.path("status").asString()).isEqualTo("failed");
        assertThat(message.path("error").asString()).isEqualTo("Phone number " + ALICE_SMS
                + " cannot send SMS in this RingCentral account (RingCentral 403 MSG-242: Sending SMS is not available from the number specified.)");
        assertNoMoreRequestsThan(1);
    }

    @Test
    void anAppWithoutTheSmsPermissionFailsAtOnce() {
        connect();
        world.ringCentral().permissions(List.of("ReadMessages", "ReadAccounts", "WebhookSubscriptions"));

        String id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "No permission");

        JsonNode message = Sms.awaitFinal(api, app.apiKey(), id);
        assertThat(message.path("status").asString()).isEqualTo("failed");
        assertThat(message.path("error").asString()).startsWith("The RingCentral app lacks the SMS permission (RingCentral 403 CMN-401");
        assertNoMoreRequestsThan(1);
    }

    @Test
    void transientFailuresAreRetriedWithBackoffThenSent() {
        connect();
        world.admin().addFault(FaultRule.error("sendSms", 503, 1.0, 3));
        String text = "Third time lucky " + System.nanoTime();

        String id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, text);
        JsonNode message = Sms.awaitStatus(api, app.apiKey(), id, Duration.ofSeconds(30), "sent");

        assertThat(Sms.requests(world.admin(), "sendSms")).as("3 refused, 1 accepted").isEqualTo(4);
        assertThat(world.admin().counters().faultHits()).containsEntry("sendSms:ERROR", 3L);
        assertThat(world.admin().sendCount(ALICE_SMS, CUSTOMER, text)).isEqualTo(1);
        assertThat(message.path("error").isNull()).as("the retry reason is gone once sent").isTrue();
        // Backoff 500 ms, 1 s, 2 s (±20 %) between the four attempts.
        long tookMs = Duration.between(Instant.parse(message.path("createdAt").asString()),
                Instant.parse(message.path("sentAt").asString())).toMillis();
        assertThat(tookMs).isGreaterThanOrEqualTo(2_700);
        assertThat(Sms.eventStatuses(world.gateway().jdbc(), app.tenantId(), id)).startsWith(
                "sending", "queued", "sending", "queued", "sending", "queued", "sending", "sent");
    }

    @Test
    void aTransientFailureThatNeverEndsFailsAfterTheConfiguredAttempts() {
        connect();
        world.admin().addFault(FaultRule.error("sendSms", 503, 1.0, null));

        String id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Never accepted");
        JsonNode message = Sms.awaitFinal(api, app.apiKey(), id);

        assertThat(message.path("status").asString()).isEqualTo("failed");
        assertThat(message.path("error").asString())
                .isEqualTo("RingCentral did not accept the message after 4 attempts: RingCentral error 503 CMN-201");
        assertNoMoreRequestsThan(MAX_ATTEMPTS);
        assertThat(Sms.eventStatuses(world.gateway().jdbc(), app.tenantId(), id)).endsWith("sending", "failed");
    }

    // --- long texts

    @Test
    void aLongTextGoesAsTwoRingCentralMessagesUnderOneId() {
        connect();
        String body = randomText(1500);

        String id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, body);
        JsonNode message = Sms.awaitDelivery(api, app.apiKey(), id, Duration.ofSeconds(30), "delivered");

        assertThat(message.path("status").asString()).isEqualTo("sent");
        assertThat(message.path("segments").asInt()).isEqualTo(2);
        List<String> parts = partsAtRingCentral(body);
        assertThat(parts).containsExactly(body.substring(0, 1000), body.substring(1000));
        assertThat(String.join("", parts)).isEqualTo(body);
        MessageView first = world.admin().messages().stream().filter(m -> m.text().equals(parts.get(0)))
                .findFirst().orElseThrow();
        assertThat(message.path("rcMessageId").asString()).isEqualTo(first.id());
        assertThat(Sms.requests(world.admin(), "sendSms")).isEqualTo(2);
        assertThat(Sms.eventStatuses(world.gateway().jdbc(), app.tenantId(), id)).containsExactly("sending", "sent");
        assertThat(Sms.deliveryEvents(world.gateway().jdbc(), app.tenantId(), id))
                .extracting(e -> e.path("deliveryStatus").asString()).containsExactly("delivered");
    }

    @Test
    void aSurrogatePairAcrossUnit1000IsNotSplit() {
        connect();
        String emoji = "😀";
        String straddling = randomText(999) + emoji + randomText(500);   // the pair is units 999 and 1000
        String endingAt1000 = randomText(998) + emoji + randomText(300); // the pair is units 998 and 999

        String straddlingId = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, straddling);
        String endingId = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, endingAt1000);
        Sms.awaitStatus(api, app.apiKey(), straddlingId, Duration.ofSeconds(30), "sent");
        Sms.awaitStatus(api, app.apiKey(), endingId, Duration.ofSeconds(30), "sent");

        assertThat(partsAtRingCentral(straddling)).containsExactly(straddling.substring(0, 999), straddling.substring(999));
        assertThat(partsAtRingCentral(endingAt1000)).containsExactly(endingAt1000.substring(0, 1000), endingAt1000.substring(1000));
        for (String part : partsAtRingCentral(straddling)) {
            assertThat(part.length()).isLessThanOrEqualTo(1000);
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        }
        assertThat(Sms.status(api, app.apiKey(), straddlingId).path("body").asString()).isEqualTo(straddling);
    }

    // --- events and receipts

    @Test
    void everyStatusChangeIsAnSmsStatusEventWithTheEventFields() {
        connect();
        String delivered = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Event delivered");
        String undelivered = Sms.accepted(api, app.apiKey(), ALICE_SMS, UNREACHABLE, "Event undelivered");
        Sms.awaitDelivery(api, app.apiKey(), delivered, Duration.ofSeconds(20), "delivered");
        Sms.awaitDelivery(api, app.apiKey(), undelivered, Duration.ofSeconds(20), "undelivered");
        Fixtures.TestApp unconnected = Fixtures.newTenantWithApp(api);
        String failed = Sms.accepted(api, unconnected.apiKey(), ALICE_SMS, CUSTOMER, "Event failed");
        Sms.awaitFinal(api, unconnected.apiKey(), failed);

        // A receipt is no status change: no sms_status after sent, whatever the receipt said.
        assertEvents(app, delivered, List.of("sending", "sent"), null);
        assertEvents(app, undelivered, List.of("sending", "sent"), null);
        assertEvents(unconnected, failed, List.of("failed"), "RingCentral not connected for this tenant");
    }

    @Test
    void aGravityClientPollingUntilSentOrFailedStopsAtSentWhileTheReceiptFollowsInDeliveryStatus() {
        connect();
        DeliverySettings quick = world.admin().delivery();
        // The receipt two seconds after RingCentral sent it: long enough to see it pending.
        world.admin().delivery(new DeliverySettings(quick.sentAfter(), Duration.ofSeconds(2), quick.rules()));
        String id;
        JsonNode last = null;
        try {
            id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Polled like Gravity " + System.nanoTime());

            // The loop of a client written from Gravity SMS's documentation: poll until sent or failed, then stop.
            List<String> seen = new java.util.ArrayList<>();
            Instant giveUp = Instant.now().plusSeconds(20);
            while (last == null || !Set.of("sent", "failed").contains(last.path("status").asString())) {
                assertThat(Instant.now()).as("the polling loop ends; statuses seen: %s", seen).isBefore(giveUp);
                sleep(50);
                last = Sms.status(api, app.apiKey(), id);
                seen.add(last.path("status").asString());
                if (!last.path("status").asString().equals("sent")) {
                    assertThat(last.path("deliveryStatus").isNull()).as("no deliveryStatus before sent").isTrue();
                }
            }
            assertThat(last.path("status").asString()).isEqualTo("sent");
            assertThat(seen).allMatch(Set.of("queued", "sending", "sent")::contains);
            assertThat(last.path("deliveryStatus").asString()).isEqualTo("pending");
            assertThat(last.path("deliveredAt").isNull()).isTrue();
        } finally {
            world.admin().delivery(quick);
        }

        // The receipt comes later and never moves status on: a client that kept polling would see sent for ever.
        JsonNode delivered = Sms.awaitDelivery(api, app.apiKey(), id, Duration.ofSeconds(20), "delivered");
        assertThat(delivered.path("status").asString()).isEqualTo("sent");
        assertThat(delivered.path("deliveredAt").asString()).matches(Sms.TIMESTAMP);
        assertThat(Instant.parse(delivered.path("deliveredAt").asString()))
                .isAfterOrEqualTo(Instant.parse(delivered.path("sentAt").asString()).minusSeconds(1));
        assertThat(delivered.path("error").isNull()).isTrue();

        // Announced as an sms_delivery event with the contract's fields, not as an sms_status one.
        assertThat(Sms.eventStatuses(world.gateway().jdbc(), app.tenantId(), id)).containsExactly("sending", "sent");
        List<JsonNode> receipts = Sms.deliveryEvents(world.gateway().jdbc(), app.tenantId(), id);
        assertThat(receipts).hasSize(1);
        JsonNode receipt = receipts.getFirst();
        assertThat(receipt.propertyNames()).containsExactly("type", "messageId", "appId", "deliveryStatus", "tenantId",
                "timestamp");
        assertThat(receipt.path("type").asString()).isEqualTo("sms_delivery");
        assertThat(receipt.path("messageId").asString()).isEqualTo(id);
        assertThat(receipt.path("appId").asString()).isEqualTo(app.appId());
        assertThat(receipt.path("tenantId").asString()).isEqualTo(app.tenantId());
        assertThat(receipt.path("deliveryStatus").asString()).isEqualTo("delivered");
        assertThat(receipt.path("timestamp").asString()).matches(Sms.TIMESTAMP);
        Integer audience = world.gateway().jdbc()
                .sql("SELECT COUNT(*) FROM event_outbox WHERE type = 'sms_delivery' AND app_id = :app AND payload LIKE :id")
                .param("app", app.appId()).param("id", "%" + id + "%").query(Integer.class).single();
        assertThat(audience).as("scoped to the sending app, as sms_status").isEqualTo(1);
    }

    @Test
    void deliveryReceiptsSetDeliveryStatusAndLeaveStatusSent() {
        connect();
        String delivered = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Receipt delivered");
        String undelivered = Sms.accepted(api, app.apiKey(), ALICE_SMS, UNREACHABLE, "Receipt undelivered");
        String unsendable = Sms.accepted(api, app.apiKey(), ALICE_SMS, UNSENDABLE, "Receipt sending failed");

        JsonNode d = Sms.awaitDelivery(api, app.apiKey(), delivered, Duration.ofSeconds(20), "delivered");
        JsonNode u = Sms.awaitDelivery(api, app.apiKey(), undelivered, Duration.ofSeconds(20), "undelivered");
        JsonNode f = Sms.awaitDelivery(api, app.apiKey(), unsendable, Duration.ofSeconds(20), "undelivered");

        assertThat(List.of(d, u, f)).extracting(m -> m.path("status").asString()).containsOnly("sent");
        assertThat(d.path("deliveredAt").asString()).matches(Sms.TIMESTAMP);
        assertThat(d.path("error").isNull()).isTrue();
        assertThat(u.path("error").asString()).isEqualTo("Not delivered to the recipient (SMS-CAR-411)");
        assertThat(u.path("deliveredAt").isNull()).isTrue();
        assertThat(u.path("sentAt").asString()).matches(Sms.TIMESTAMP);
        // RingCentral accepted it, then could not send it: undelivered, with its own error.
        assertThat(f.path("error").asString()).isEqualTo("RingCentral could not send the message (SMS-RC-500)");
        assertThat(f.path("rcMessageId").asString()).isNotBlank();
        assertThat(f.path("deliveredAt").isNull()).isTrue();

        Map<String, String> errors = Map.of(undelivered, "Not delivered to the recipient (SMS-CAR-411)",
                unsendable, "RingCentral could not send the message (SMS-RC-500)");
        errors.forEach((id, error) -> {
            List<JsonNode> receipts = Sms.deliveryEvents(world.gateway().jdbc(), app.tenantId(), id);
            assertThat(receipts).extracting(e -> e.path("deliveryStatus").asString()).containsExactly("undelivered");
            assertThat(receipts.getFirst().path("error").asString()).isEqualTo(error);
            assertThat(Sms.eventStatuses(world.gateway().jdbc(), app.tenantId(), id)).containsExactly("sending", "sent");
        });
        assertThat(Sms.deliveryEvents(world.gateway().jdbc(), app.tenantId(), delivered).getFirst().has("error")).isFalse();
    }

    // --- metrics

    @Test
    void prometheusShowsTheQueueTheSendsRingCentralLatencyAndRateLimiting() {
        connect();
        String first = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Metrics " + System.nanoTime());
        Sms.awaitDelivery(api, app.apiKey(), first, Duration.ofSeconds(20), "delivered");
        world.admin().addFault(FaultRule.error("sendSms", 429, 1.0, 1).withRetryAfter(1));
        String text = "After a 429 " + System.nanoTime();

        String limited = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, text);
        JsonNode message = Sms.awaitStatus(api, app.apiKey(), limited, Duration.ofSeconds(20), "sent");

        assertThat(world.admin().counters().faultHits()).containsEntry("sendSms:ERROR", 1L);
        assertThat(world.admin().sendCount(ALICE_SMS, CUSTOMER, text)).isEqualTo(1);
        // Waited out Retry-After (1 s) before the next request.
        assertThat(Duration.between(Instant.parse(message.path("createdAt").asString()),
                Instant.parse(message.path("sentAt").asString()))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(metrics).containsPattern("(?m)^ringbridge_sms_queue_depth\\{[^}]*} \\d");
            assertThat(metrics).containsPattern("(?m)^ringbridge_sms_queue_oldest_age_seconds\\{[^}]*} \\d");
            assertThat(metrics).containsPattern("(?m)^ringbridge_sms_sends_total\\{[^}]*outcome=\"sent\"[^}]*} [1-9]");
            assertThat(metrics).containsPattern("(?m)^ringbridge_sms_receipts_total\\{[^}]*outcome=\"delivered\"[^}]*} [1-9]");
            assertThat(metrics).containsPattern("(?m)^ringbridge_rc_request_seconds_count\\{[^}]*operation=\"sendSms\"[^}]*} [1-9]");
            assertThat(metrics).containsPattern("(?m)^ringbridge_rc_request_seconds\\{[^}]*operation=\"sendSms\"[^}]*quantile=\"0.99\"");
            assertThat(metrics).containsPattern("(?m)^ringbridge_rc_rate_limited_total\\{[^}]*} [1-9]");
        });
    }

    // --- helpers

    private void connect() {
        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
    }

    /**
     * Connects Alice with an access token already inside the gateway's "about to expire" minute, then makes
     * RingCentral's token endpoint answer 503: the first send's refresh fails and the extension turns
     * {@code refresh_failed} until the faults are cleared.
     */
    private void connectWithFailingRefresh() {
        world.admin().tokenLifetimes(Duration.ofSeconds(30), Duration.ofDays(7));
        connect();
        world.admin().addFault(FaultRule.error("token", 503, 1.0, null));
    }

    private void assertFailed(String id, String error) {
        JsonNode message = Sms.awaitFinal(api, app.apiKey(), id);
        assertThat(message.path("status").asString()).as("%s", message).isEqualTo("failed");
        assertThat(message.path("error").asString()).isEqualTo(error);
        assertThat(message.path("sentAt").isNull()).isTrue();
    }

    private JsonNode awaitFinalAsOperator(String id) {
        // The tenant is suspended: its own key gets 403, the operator still reads the message.
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = api.get("/v1/sms/status/" + id + "?tenantId=" + app.tenantId(), ADMIN_KEY);
            last[0] = response.json();
            return Sms.FINAL.contains(last[0].path("status").asString());
        });
        return last[0];
    }

    /** The message stays {@code queued} (between checks it may briefly be {@code sending}) for {@code period}. */
    private JsonNode assertStaysQueued(String id, Duration period) {
        long until = System.nanoTime() + period.toNanos();
        JsonNode last;
        do {
            last = Sms.status(api, app.apiKey(), id);
            assertThat(last.path("status").asString()).as("%s", last).isIn("queued", "sending");
            sleep(200);
        } while (System.nanoTime() < until);
        return Sms.awaitStatus(api, app.apiKey(), id, Duration.ofSeconds(5), "queued");
    }

    private void assertNoMoreRequestsThan(long expected) {
        assertThat(Sms.requests(world.admin(), "sendSms")).isEqualTo(expected);
        sleep(2_500); // longer than the largest retry delay: nothing more comes
        assertThat(Sms.requests(world.admin(), "sendSms")).as("no retry").isEqualTo(expected);
    }

    private void awaitExtension(String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").get(0).path("status").asString()
                        .equals(status));
    }

    private Set<String> sessionIds() {
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> session : world.admin().sessions()) {
            ids.add((String) session.get("sessionId"));
        }
        return ids;
    }

    private void assertEvents(Fixtures.TestApp owner, String id, List<String> statuses, String finalError) {
        List<JsonNode> events = Sms.events(world.gateway().jdbc(), owner.tenantId(), id);
        assertThat(events).extracting(e -> e.path("status").asString()).containsExactlyElementsOf(statuses);
        JsonNode message = Sms.status(api, owner.apiKey(), id);
        String previous = "";
        for (JsonNode event : events) {
            String status = event.path("status").asString();
            assertThat(event.path("type").asString()).isEqualTo("sms_status");
            assertThat(event.path("messageId").asString()).isEqualTo(id);
            assertThat(event.path("appId").asString()).isEqualTo(owner.appId());
            assertThat(event.path("tenantId").asString()).isEqualTo(owner.tenantId());
            assertThat(event.path("timestamp").asString()).matches(Sms.TIMESTAMP);
            assertThat(event.path("timestamp").asString()).isGreaterThanOrEqualTo(previous);
            previous = event.path("timestamp").asString();
            boolean hasRcId = !status.equals("sending") && !status.equals("failed");
            assertThat(event.has("rcMessageId")).as("rcMessageId in %s", event).isEqualTo(hasRcId);
            if (hasRcId) {
                assertThat(event.path("rcMessageId").asString()).isEqualTo(message.path("rcMessageId").asString());
            }
            boolean last = event == events.getLast();
            if (last && finalError != null) {
                assertThat(event.path("error").asString()).isEqualTo(finalError);
            } else {
                assertThat(event.has("error")).as("error in %s", event).isFalse();
            }
        }
    }

    /** The texts RingCentral received that are parts of {@code body}, in the order of the body. */
    private static List<String> partsAtRingCentral(String body) {
        return world.admin().messages().stream()
                .filter(m -> m.direction().equals("Outbound") && body.contains(m.text()))
                .map(MessageView::text)
                .sorted((a, b) -> Integer.compare(body.indexOf(a), body.indexOf(b)))
                .toList();
    }

    /** The directory with {@code number}'s features less SmsSender (e.g. the admin moved it to another use). */
    private static Directory withoutSmsSender(Directory directory, String number) {
        List<Account> accounts = directory.accounts().stream().map(account -> new Account(account.id(), account.name(),
                account.ringCx(), account.extensions().stream().map(extension -> new Extension(extension.id(),
                        extension.extensionNumber(), extension.name(), extension.type(), extension.status(),
                        extension.contact(), extension.phoneNumbers().stream().map(n -> !n.phoneNumber().equals(number) ? n
                        : new PhoneNumber(n.id(), n.phoneNumber(), n.features().stream().filter(f -> !f.equals("SmsSender")).toList(),
                        n.status(), n.usageType(), n.paymentType(), n.type(), n.primary(), n.label(), n.location())).toList()))
                        .toList())).toList();
        return new Directory(accounts, directory.apps());
    }

    private String prometheus() {
        Response response = api.get("/actuator/prometheus", null);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static double gauge(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(name).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return text.toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
