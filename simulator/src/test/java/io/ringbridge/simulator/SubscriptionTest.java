package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ACCOUNT;
import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.ALICE_SMS;
import static io.ringbridge.simulator.SimulatorClient.BOB;
import static io.ringbridge.simulator.SimulatorClient.errorCode;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.subscription.SubscriptionSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Webhook subscriptions: handshake, limits, lifecycle, notifications, expiry and blacklisting. */
class SubscriptionTest {
    static final String INSTANT = "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS";
    static final String STORE = "/restapi/v1.0/account/~/extension/~/message-store";
    RingCentralSimulator simulator;
    SimulatorClient client;
    WebhookReceiver receiver;
    String alice;

    @BeforeEach
    void start() throws Exception {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false)
                .deliveryTiming(Duration.ofMillis(50), Duration.ofMillis(50)).build());
        client = new SimulatorClient(simulator);
        receiver = new WebhookReceiver();
        alice = client.accessToken(ALICE);
    }

    @AfterEach
    void stop() {
        receiver.close();
        simulator.close();
    }

    private HttpResponse<String> create(String token, String filter, String extra) {
        return client.postJson("/restapi/v1.0/subscription", token, "{\"eventFilters\":[\"" + filter + "\"],"
                + "\"deliveryMode\":{\"transportType\":\"WebHook\",\"address\":\"" + receiver.address()
                + "\",\"verificationToken\":\"secret-vt\"}" + extra + "}");
    }

    @Test
    void createAnswersSubscriptionInfoAfterTheHandshake() {
        HttpResponse<String> r = create(alice, INSTANT, ",\"expiresIn\":315360000");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(receiver.lastVerificationToken).isEqualTo("secret-vt");
        JsonNode s = json(r);
        String id = s.get("id").asString();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(s.get("uri").asString()).isEqualTo(client.base + "/restapi/v1.0/subscription/" + id);
        assertThat(s.get("status").asString()).isEqualTo("Active");
        assertThat(s.get("eventFilters").get(0).asString())
                .isEqualTo("/restapi/v1.0/account/" + ACCOUNT + "/extension/" + ALICE + "/message-store/instant?type=SMS");
        assertThat(s.get("expiresIn").asLong()).isBetween(315359990L, 315360000L);
        assertThat(s.get("deliveryMode").get("transportType").asString()).isEqualTo("WebHook");
        assertThat(s.get("deliveryMode").get("address").asString()).isEqualTo(receiver.address());
        assertThat(s.get("deliveryMode").get("encryption").asBoolean()).isFalse();
        assertThat(s.get("deliveryMode").has("verificationToken")).isFalse();
        assertThat(s.has("creationTime")).isTrue();
        assertThat(s.has("expirationTime")).isTrue();
    }

    @Test
    void defaultLifetimeIsSevenDaysAndExpiresInIsValidated() {
        assertThat(json(create(alice, INSTANT, "")).get("expiresIn").asLong()).isBetween(604790L, 604800L);
        HttpResponse<String> zero = create(alice, INSTANT, ",\"expiresIn\":0");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json(zero).get("errors").get(0).get("message").asString())
                .isEqualTo("Parameter [expiresIn] value is invalid");
        assertThat(errorCode(zero)).isEqualTo("CMN-101");
        assertThat(errorCode(create(alice, INSTANT, ",\"expiresIn\":\"soon\""))).isEqualTo("CMN-101");
    }

    @Test
    void handshakeWithoutEchoFails() {
        receiver.echo = false;
        HttpResponse<String> r = create(alice, INSTANT, "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo("SUB-525");
        assertThat(json(r).get("message").asString()).isEqualTo("WebHook server response is invalid");
    }

    @Test
    void handshakeSlowerThanThreeSecondsFails() {
        receiver.handshakeDelayMs = 3300;
        HttpResponse<String> r = create(alice, INSTANT, "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo("SUB-525");
    }

    @Test
    void handshakeResponseOverTheByteLimitFails() {
        receiver.handshakePadding = 1100;
        assertThat(errorCode(create(alice, INSTANT, ""))).isEqualTo("SUB-525");
        receiver.handshakePadding = 200;
        assertThat(create(alice, INSTANT, "").statusCode()).isEqualTo(200);
    }

    @Test
    void unreachableAddressIsAnInvalidParameter() {
        HttpResponse<String> r = client.postJson("/restapi/v1.0/subscription", alice, "{\"eventFilters\":[\""
                + INSTANT + "\"],\"deliveryMode\":{\"transportType\":\"WebHook\",\"address\":\"http://127.0.0.1:1/x\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo("CMN-101");
    }

    @Test
    void thirtyPerUserAndApp() {
        simulator.admin().subscriptionSettings(new SubscriptionSettings(Duration.ofDays(7),
                Duration.ofSeconds(315360000L), 3, Duration.ofSeconds(3), 1024, Duration.ofSeconds(3),
                Duration.ofMinutes(10)));
        for (int i = 0; i < 3; i++) {
            assertThat(create(alice, INSTANT, "").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = create(alice, INSTANT, "");
        assertThat(over.statusCode()).isEqualTo(403);
        assertThat(errorCode(over)).isEqualTo("SUB-505");
        // another user has its own quota
        assertThat(create(client.accessToken(BOB), INSTANT, "").statusCode()).isEqualTo(200);
    }

    @Test
    void listShowsOnlyTheCallersOwnAndGetRenewUpdateDeleteWork() {
        String mine = json(create(alice, INSTANT, "")).get("id").asString();
        String bobs = json(create(client.accessToken(BOB), INSTANT, "")).get("id").asString();
        JsonNode list = json(client.get("/restapi/v1.0/subscription", alice));
        assertThat(list.get("uri").asString()).isEqualTo(client.base + "/restapi/v1.0/subscription");
        assertThat(list.get("records")).hasSize(1);
        assertThat(list.get("records").get(0).get("id").asString()).isEqualTo(mine);
        assertThat(client.get("/restapi/v1.0/subscription/" + bobs, alice).statusCode()).isEqualTo(404);

        JsonNode updated = json(client.putJson("/restapi/v1.0/subscription/" + mine, alice,
                "{\"eventFilters\":[\"" + STORE + "\"],\"expiresIn\":600}"));
        assertThat(updated.get("eventFilters").get(0).asString()).endsWith("/extension/" + ALICE + "/message-store");
        assertThat(updated.get("expiresIn").asLong()).isBetween(595L, 600L);
        JsonNode renewed = json(client.postJson("/restapi/v1.0/subscription/" + mine + "/renew", alice, ""));
        assertThat(renewed.get("expiresIn").asLong()).isBetween(604790L, 604800L);
        JsonNode emptyPut = json(client.putJson("/restapi/v1.0/subscription/" + mine, alice, ""));
        assertThat(emptyPut.get("eventFilters").get(0).asString()).endsWith("/message-store");

        assertThat(client.delete("/restapi/v1.0/subscription/" + mine, alice).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = client.delete("/restapi/v1.0/subscription/" + mine, alice);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(errorCode(gone)).isEqualTo("CMN-102");
        assertThat(json(gone).get("message").asString()).isEqualTo("Resource for parameter [subscriptionId] is not found");
    }

    @Test
    void subscribingToAnotherExtensionIsRefused() {
        HttpResponse<String> r = create(alice, "/restapi/v1.0/account/~/extension/" + BOB + "/message-store", "");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(errorCode(r)).isEqualTo("SUB-405");
        assertThat(errorCode(create(alice, "not-a-filter", ""))).isEqualTo("SUB-508");
    }

    @Test
    void inboundSmsNotificationPayload() throws Exception {
        String subscriptionId = json(create(alice, INSTANT, "")).get("id").asString();
        HttpResponse<String> injected = client.postJson("/inbound", null,
                "{\"from\":\"+14155550199\",\"to\":\"" + ALICE_SMS + "\",\"text\":\"Hi there\"}");
        assertThat(injected.statusCode()).isEqualTo(202);
        String messageId = json(injected).get("id").asString();

        WebhookReceiver.Notification n = receiver.next();
        assertThat(n.header("Verification-Token")).isEqualTo("secret-vt");
        assertThat(n.header("Content-Type")).startsWith("application/json");
        JsonNode event = n.body();
        assertThat(event.get("uuid").asString()).isNotBlank();
        assertThat(event.get("event").asString())
                .isEqualTo("/restapi/v1.0/account/" + ACCOUNT + "/extension/" + ALICE + "/message-store/instant?type=SMS");
        assertThat(event.get("subscriptionId").asString()).isEqualTo(subscriptionId);
        assertThat(event.get("ownerId").asString()).isEqualTo(Long.toString(ALICE));
        assertThat(event.get("timestamp").asString()).endsWith("Z");
        JsonNode body = event.get("body");
        assertThat(body.get("id").isString()).isTrue();
        assertThat(body.get("id").asString()).isEqualTo(messageId);
        assertThat(body.get("subject").asString()).isEqualTo("Hi there");
        assertThat(body.get("from").get("phoneNumber").asString()).isEqualTo("+14155550199");
        assertThat(body.get("to").get(0).get("phoneNumber").asString()).isEqualTo(ALICE_SMS);
        assertThat(body.get("to").get(0).get("target").asBoolean()).isTrue();
        assertThat(body.get("direction").asString()).isEqualTo("Inbound");
        assertThat(body.get("messageStatus").asString()).isEqualTo("Received");
        assertThat(body.get("eventType").asString()).isEqualTo("Create");
        assertThat(body.get("type").asString()).isEqualTo("SMS");
        assertThat(body.get("owner").get("extensionId").asString()).isEqualTo(Long.toString(ALICE));

        // the inbound message is in Alice's store
        JsonNode stored = json(client.get("/restapi/v1.0/account/~/extension/~/message-store/" + messageId, alice));
        assertThat(stored.get("direction").asString()).isEqualTo("Inbound");
        assertThat(stored.get("readStatus").asString()).isEqualTo("Unread");

        // unique uuids across notifications
        client.postJson("/inbound", null, "{\"from\":\"+14155550199\",\"to\":\"" + ALICE_SMS + "\",\"text\":\"2\"}");
        assertThat(receiver.next().body().get("uuid").asString()).isNotEqualTo(event.get("uuid").asString());
    }

    @Test
    void inboundInjectionErrors() {
        HttpResponse<String> nobody = client.postJson("/inbound", null,
                "{\"from\":\"+14155550199\",\"to\":\"+19995550000\",\"text\":\"x\"}");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(json(nobody).get("error").asString()).isEqualTo("unknown_number");
        HttpResponse<String> invalid = client.postJson("/inbound", null, "{\"from\":\"x\",\"to\":\"" + ALICE_SMS
                + "\",\"text\":\"x\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(client.postJson("/inbound", null, "nope").statusCode()).isEqualTo(400);
    }

    @Test
    void outboundStatusChangesArriveAsMessageStoreCounters() throws Exception {
        create(alice, STORE, "");
        long id = json(client.sendSms(alice, ALICE_SMS, "+14155550100", "track me")).get("id").asLong();
        // three events (new, Sent, Delivered); webhook delivery order is not guaranteed, as with RingCentral
        java.util.List<JsonNode> events = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(receiver.next().body());
        }
        Set<String> uuids = new HashSet<>();
        int created = 0;
        int updated = 0;
        for (JsonNode event : events) {
            uuids.add(event.get("uuid").asString());
            assertThat(event.get("event").asString()).endsWith("/extension/" + ALICE + "/message-store");
            assertThat(event.get("body").get("extensionId").asString()).isEqualTo(Long.toString(ALICE));
            JsonNode change = event.get("body").get("changes").get(0);
            assertThat(change.get("type").asString()).isEqualTo("SMS");
            if (change.get("newCount").asInt() == 1) {
                created++;
                assertThat(change.get("newMessageIds").get(0).asLong()).isEqualTo(id);
            } else {
                assertThat(change.get("updatedCount").asInt()).isEqualTo(1);
                updated++;
            }
        }
        assertThat(created).isEqualTo(1);
        assertThat(updated).isEqualTo(2);
        assertThat(uuids).hasSize(3);
        assertThat(json(client.get("/restapi/v1.0/account/~/extension/~/message-store/" + id, alice))
                .get("messageStatus").asString()).isEqualTo("Delivered");
    }

    @Test
    void expiredSubscriptionsStopAndDisappear() throws Exception {
        String id = json(create(alice, INSTANT, ",\"expiresIn\":1")).get("id").asString();
        Thread.sleep(1200);
        simulator.admin().injectInbound("+14155550199", ALICE_SMS, "too late");
        assertThat(client.get("/restapi/v1.0/subscription/" + id, alice).statusCode()).isEqualTo(404);
        assertThat(json(client.get("/restapi/v1.0/subscription", alice)).get("records")).isEmpty();
        Thread.sleep(300);
        assertThat(receiver.notifications).isEmpty();
    }

    @Test
    void failingDeliveriesBlacklistTheSubscriptionSilently() throws Exception {
        simulator.admin().subscriptionSettings(simulator.admin().subscriptionSettings()
                .withBlacklistAfter(Duration.ofMillis(500)));
        String id = json(create(alice, INSTANT, "")).get("id").asString();
        receiver.notificationStatus = 404;
        simulator.admin().injectInbound("+14155550199", ALICE_SMS, "one");
        receiver.next();
        Thread.sleep(600);
        simulator.admin().injectInbound("+14155550199", ALICE_SMS, "two");
        receiver.next();
        JsonNode s = awaitStatus(id, "Blacklisted");
        assertThat(s.get("blacklistedData").get("reason").asString())
                .isEqualTo("Webhook responses with code: [404], reason: [Not Found]");
        assertThat(s.get("blacklistedData").get("blacklistedAt").asString()).endsWith("Z");

        // no more deliveries, and it does not recover by itself
        receiver.notificationStatus = 200;
        simulator.admin().injectInbound("+14155550199", ALICE_SMS, "three");
        Thread.sleep(300);
        assertThat(receiver.notifications).isEmpty();
        assertThat(json(client.get("/restapi/v1.0/subscription/" + id, alice)).get("status").asString())
                .isEqualTo("Blacklisted");
    }

    @Test
    void adminCanBlacklistAndDeleteDirectly() {
        String id = json(create(alice, INSTANT, "")).get("id").asString();
        assertThat(client.postJson("/admin/subscriptions/" + id + "/blacklist", null, "{\"reason\":\"test\"}")
                .statusCode()).isEqualTo(204);
        JsonNode s = json(client.get("/restapi/v1.0/subscription/" + id, alice));
        assertThat(s.get("status").asString()).isEqualTo("Blacklisted");
        assertThat(s.get("blacklistedData").get("reason").asString()).isEqualTo("test");
        assertThat(simulator.admin().deleteSubscription(id)).isTrue();
        assertThat(client.get("/restapi/v1.0/subscription/" + id, alice).statusCode()).isEqualTo(404);
        assertThat(client.delete("/admin/subscriptions/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void expiryRemindersArriveWithinTheThreshold() throws Exception {
        String reminder = "/restapi/v1.0/subscription/~?threshold=2&interval=1";
        HttpResponse<String> created = client.postJson("/restapi/v1.0/subscription", alice, "{\"eventFilters\":[\""
                + INSTANT + "\",\"" + reminder + "\"],\"deliveryMode\":{\"transportType\":\"WebHook\",\"address\":\""
                + receiver.address() + "\"},\"expiresIn\":4}");
        assertThat(created.statusCode()).isEqualTo(200);
        String id = json(created).get("id").asString();
        assertThat(json(created).get("eventFilters").get(1).asString()).isEqualTo(reminder);
        long start = System.currentTimeMillis();
        JsonNode first = receiver.next().body();
        assertThat(System.currentTimeMillis() - start).isGreaterThanOrEqualTo(1500);
        assertThat(first.get("event").asString()).isEqualTo(reminder);
        assertThat(first.get("subscriptionId").asString()).isEqualTo(id);
        assertThat(first.get("body").get("id").asString()).isEqualTo(id);
        JsonNode second = receiver.next().body();
        assertThat(second.get("event").asString()).isEqualTo(reminder);
        assertThat(second.get("uuid").asString()).isNotEqualTo(first.get("uuid").asString());
    }

    private JsonNode awaitStatus(String id, String status) throws InterruptedException {
        JsonNode s = null;
        for (int i = 0; i < 50; i++) {
            s = json(client.get("/restapi/v1.0/subscription/" + id, alice));
            if (status.equals(s.get("status").asString())) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status never became " + status + ": " + s);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
