package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.platform.crypto.SecretBox;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.World;

/**
 * docs/API.md "The RingCentral webhook receiver": the webhook subscription lives on whatever RingCentral does to it
 * (blacklisting, deletion, expiry), and the receiver takes RingCentral's handshake and notifications, and nothing else.
 */
@EveryDatabase
class SubscriptionLifecycleTest {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionLifecycleTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECEIVER = "/v1/webhooks/ringcentral";

    static World world;

    @Parameter
    Database database;

    Api api;
    Lifecycle.Connected connected;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        // Each test connects (and disconnects) a user: more OAuth than RingCentral's Auth group allows a minute.
        // Subscriptions asked for 15 s are renewed (to 15 s again) once less than 6 s are left; the reconciler runs
        // every second.
        world = new World.Setup(
                config -> config.rateLimit(RateGroup.AUTH, 10_000, Duration.ofSeconds(60), Duration.ofSeconds(60)),
                gateway -> gateway.property("ringbridge.connection.subscription-check-interval", "1s")
                        .property("ringbridge.connection.subscription-lifetime", "15s")
                        .property("ringbridge.connection.subscription-renew-before", "6s"))
                .start(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        world.close();
    }

    @BeforeEach
    void setUp() {
        api = world.api();
        connected = Lifecycle.connect(world.gateway(), world.ringCentral(), ALICE);
    }

    @AfterEach
    void tearDown() {
        Lifecycle.disconnect(api, connected);
    }

    // --- the subscription's life

    @Test
    void aBlacklistedSubscriptionIsReplacedAndNotificationsArriveAgain() {
        Subscriptions.Row before = activeSubscription();
        assertThat(remote(before.rcSubscriptionId())).hasValueSatisfying(s -> assertThat(s.get("status")).isEqualTo("Active"));

        assertThat(world.admin().blacklistSubscription(before.rcSubscriptionId(),
                "Webhook responses with code: [404], reason: [Not Found]")).isTrue();

        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> replaced(before));
        log.info("Blacklisted subscription replaced after {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
        Subscriptions.Row after = activeSubscription();
        assertThat(after.subscriptionKey()).isNotEqualTo(before.subscriptionKey());
        assertThat(remote(after.rcSubscriptionId())).hasValueSatisfying(s -> {
            assertThat(s.get("status")).isEqualTo("Active");
            assertThat(address(s)).endsWith(RECEIVER + "/" + after.subscriptionKey());
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> remote(before.rcSubscriptionId()).isEmpty());
        assertThat(subscriptionRows()).extracting(Subscriptions.Row::subscriptionKey).containsExactly(after.subscriptionKey());
        assertNotificationsArriveThrough(after);
    }

    @Test
    void aSubscriptionDeletedAtRingCentralIsRecreated() {
        Subscriptions.Row before = activeSubscription();

        assertThat(world.admin().deleteSubscription(before.rcSubscriptionId())).isTrue();

        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> replaced(before));
        log.info("Deleted subscription re-created after {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
        Subscriptions.Row after = activeSubscription();
        assertThat(remote(after.rcSubscriptionId())).hasValueSatisfying(s -> assertThat(s.get("status")).isEqualTo("Active"));
        assertThat(remote(before.rcSubscriptionId())).isEmpty();
        assertThat(subscriptionRows()).hasSize(1);
        assertNotificationsArriveThrough(after);
    }

    @Test
    void aSubscriptionNearItsExpiryIsRenewedInPlace() {
        Subscriptions.Row before = activeSubscription();
        Instant remoteExpiry = expiry(remote(before.rcSubscriptionId()).orElseThrow());
        assertThat(remoteExpiry).as("asked for 15 s").isBefore(Instant.now().plusSeconds(16));

        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                remote(before.rcSubscriptionId()).map(s -> expiry(s).isAfter(remoteExpiry.plusSeconds(5))).orElse(false));
        log.info("Subscription renewed {} ms after it was created for 15 s", Duration.ofNanos(System.nanoTime() - start).toMillis());

        Map<String, Object> renewed = remote(before.rcSubscriptionId()).orElseThrow();
        assertThat(renewed.get("status")).isEqualTo("Active");
        await().atMost(Duration.ofSeconds(10)).until(() -> activeSubscription().expiresAt().equals(expiry(renewed)));
        Subscriptions.Row after = activeSubscription();
        assertThat(after.subscriptionKey()).isEqualTo(before.subscriptionKey());
        assertThat(after.rcSubscriptionId()).as("renewed, not replaced").isEqualTo(before.rcSubscriptionId());
        assertThat(after.expiresAt()).isAfter(before.expiresAt());
        assertThat(world.admin().subscriptions().stream().filter(s -> address(s).endsWith(before.subscriptionKey())))
                .hasSize(1);
        // Well past the 15 s first asked for, it still delivers.
        TokenRefreshTest.sleep(Duration.ofSeconds(17).minus(Duration.ofNanos(System.nanoTime() - start)));
        assertNotificationsArriveThrough(after);
    }

    // --- the receiver

    @Test
    void theHandshakeIsEchoedInATinyEmptyResponse() throws IOException {
        String path = RECEIVER + "/" + activeSubscription().subscriptionKey();
        String longest = "v".repeat(RingCentralWebhookController.MAX_VALIDATION_TOKEN);
        for (String token : List.of(UUID.randomUUID().toString(), longest)) {
            long start = System.nanoTime();
            RawResponse response = rawPost(path, Map.of("Validation-Token", token, "Content-Type", "application/json"), "");
            long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            log.info("Handshake with a {}-character token: {} bytes in {} ms:\n{}", token.length(), response.bytes(), tookMs,
                    response.head());

            assertThat(response.statusLine()).startsWith("HTTP/1.1 200");
            assertThat(response.header("Validation-Token")).isEqualTo(token);
            assertThat(response.body()).isEmpty();
            assertThat(response.bytes()).as("the whole response: status line, headers and body").isLessThanOrEqualTo(1024);
            assertThat(tookMs).isLessThan(1000);
        }
    }

    /** docs/API.md "The RingCentral webhook receiver": the 7.9 KB token of issue 14 was a 500 with a stack trace. */
    @Test
    void aValidationTokenTooLongToEchoWithin1024BytesIs400() throws IOException {
        String path = RECEIVER + "/" + activeSubscription().subscriptionKey();
        RawResponse tooLong = rawPost(path, Map.of("Validation-Token",
                "v".repeat(RingCentralWebhookController.MAX_VALIDATION_TOKEN + 1)), "");
        assertThat(tooLong.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(tooLong.header("Validation-Token")).as("nothing echoed").isNull();
        JsonNode error = JSON.readTree(tooLong.body());
        assertThat(error.path("error").asString()).isEqualTo("Validation-Token must be at most 256 characters");
        assertThat(error.path("code").asString()).isEqualTo("invalid_validation_token");
        assertThat(tooLong.bytes()).isLessThanOrEqualTo(1024);

        // The 7.9 KB token of the report is refused before any route, as every oversized header is.
        RawResponse oversized = rawPost(path, Map.of("Validation-Token", "v".repeat(7_900)), "");
        assertThat(oversized.statusLine()).startsWith("HTTP/1.1 431");
        assertThat(oversized.header("Validation-Token")).as("nothing echoed").isNull();
        assertThat(JSON.readTree(oversized.body()).path("code").asString()).isEqualTo("header_too_large");
        assertThat(oversized.bytes()).isLessThanOrEqualTo(1024);
    }

    @Test
    void theHandshakeIsEchoedOnlyAtTheAddressOfAKnownSubscription() throws IOException {
        String token = UUID.randomUUID().toString();
        for (String path : List.of(RECEIVER, RECEIVER + "/" + "x".repeat(43))) {
            RawResponse response = rawPost(path, Map.of("Validation-Token", token), "");

            assertThat(response.statusLine()).as(path).startsWith("HTTP/1.1 403");
            assertThat(response.header("Validation-Token")).as(path).isNull();
            assertThat(response.text()).as(path).doesNotContain(token);
        }
    }

    @Test
    void aNotificationWithAWrongOrMissingVerificationTokenIsRefusedAndNotStored() {
        Subscriptions.Row subscription = activeSubscription();
        String token = verificationToken(subscription);
        String uuid = UUID.randomUUID().toString();
        String notification = notification(uuid, subscription, "wrong token");
        String path = RECEIVER + "/" + subscription.subscriptionKey();

        Response wrong = post(path, notification, Map.of("Verification-Token", token + "x"));
        Response missing = post(path, notification, Map.of());
        Response wrongValidation = post(path, notification, Map.of("Validation-Token", "not-" + token));

        assertThat(List.of(wrong, missing, wrongValidation)).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(403));
        assertThat(stored(uuid)).isZero();
        assertThat(post(path, notification, Map.of("Verification-Token", token)).status()).isEqualTo(200);
        assertThat(stored(uuid)).as("the same notification with the right token").isEqualTo(1);
    }

    @Test
    void aNotificationForAnUnknownSubscriptionIsRefused() {
        Subscriptions.Row subscription = activeSubscription();
        String token = verificationToken(subscription);
        String uuid = UUID.randomUUID().toString();
        String notification = notification(uuid, subscription, "unknown key");

        Response unknown = post(RECEIVER + "/" + "x".repeat(43), notification, Map.of("Verification-Token", token));
        Response noKey = post(RECEIVER, notification, Map.of("Verification-Token", token));

        assertThat(unknown.status()).isEqualTo(403);
        assertThat(noKey.status()).isEqualTo(403);
        assertThat(stored(uuid)).isZero();
    }

    @Test
    void theValidationTokenHeaderIsAcceptedInPlaceOfTheVerificationToken() {
        Subscriptions.Row subscription = activeSubscription();
        String uuid = UUID.randomUUID().toString();

        Response accepted = post(RECEIVER + "/" + subscription.subscriptionKey(), notification(uuid, subscription, "hi"),
                Map.of("Validation-Token", verificationToken(subscription)));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(stored(uuid)).isEqualTo(1);
    }

    @Test
    void theSameNotificationTwiceIsStoredOnce() {
        Subscriptions.Row subscription = activeSubscription();
        String uuid = UUID.randomUUID().toString();
        String notification = notification(uuid, subscription, "twice");
        Map<String, String> headers = Map.of("Verification-Token", verificationToken(subscription));

        Response first = post(RECEIVER + "/" + subscription.subscriptionKey(), notification, headers);
        Response again = post(RECEIVER + "/" + subscription.subscriptionKey(), notification, headers);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).as("a duplicate is acknowledged, so RingCentral stops sending it").isEqualTo(200);
        assertThat(stored(uuid)).isEqualTo(1);
    }

    @Test
    void notificationsArrivingTogetherAreEachStoredOnceAndEveryCopyIsAcknowledged() throws Exception {
        Subscriptions.Row subscription = activeSubscription();
        Map<String, String> headers = Map.of("Verification-Token", verificationToken(subscription));
        MeterRegistry meters = world.gateway().bean(MeterRegistry.class);
        double storedBefore = notificationsCounted(meters, "stored");
        double duplicatesBefore = notificationsCounted(meters, "duplicate");
        List<String> uuids = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (String uuid : uuids) {
            String notification = notification(uuid, subscription, "together");
            // RingCentral redelivers what it has no answer for yet: copies of one notification can arrive together.
            for (int copy = 0; copy < 3; copy++) {
                deliveries.add(() -> post(RECEIVER + "/" + subscription.subscriptionKey(), notification, headers)
                        .status());
            }
        }

        List<Integer> statuses;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            statuses = executor.invokeAll(deliveries).stream().map(Future::resultNow).toList();
        }

        assertThat(statuses).hasSize(60).containsOnly(200);
        for (String uuid : uuids) {
            assertThat(stored(uuid)).as(uuid).isEqualTo(1);
        }
        assertThat(notificationsCounted(meters, "stored") - storedBefore).isEqualTo(20);
        assertThat(notificationsCounted(meters, "duplicate") - duplicatesBefore).isEqualTo(40);
    }

    private static double notificationsCounted(MeterRegistry meters, String outcome) {
        Counter counter = meters.find("ringbridge.rc.notifications").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anInboundSmsAtRingCentralArrivesAsARawNotification() {
        Subscriptions.Row subscription = activeSubscription();
        String text = "Hello from outside " + UUID.randomUUID();

        String messageId = world.admin().injectInbound("+14155550100", ALICE_SMS, text);

        JsonNode stored = awaitNotificationWith(text);
        assertThat(stored.path("body").path("subject").asString()).isEqualTo(text);
        assertThat(stored.path("body").path("id").asString()).isEqualTo(messageId);
        assertThat(stored.path("body").path("from").path("phoneNumber").asString()).isEqualTo("+14155550100");
        assertThat(stored.path("body").path("direction").asString()).isEqualTo("Inbound");
        assertThat(stored.path("event").asString()).contains("/message-store/instant?type=SMS");
        assertThat(stored.path("subscriptionId").asString()).isEqualTo(subscription.rcSubscriptionId());
        Map<String, Object> row = world.gateway().jdbc().sql("SELECT subscription_key, extension_id, uuid, processed_at FROM rc_notification WHERE uuid = :uuid")
                .param("uuid", stored.path("uuid").asString()).query().singleRow();
        assertThat(lowerKeys(row)).containsEntry("subscription_key", subscription.subscriptionKey())
                .containsEntry("extension_id", connected.extensionId());
    }

    // --- helpers

    private void assertNotificationsArriveThrough(Subscriptions.Row subscription) {
        String text = "After the repair " + UUID.randomUUID();
        world.admin().injectInbound("+14155550199", ALICE_SMS, text);
        JsonNode stored = awaitNotificationWith(text);
        assertThat(stored.path("subscriptionId").asString()).isEqualTo(subscription.rcSubscriptionId());
    }

    private JsonNode awaitNotificationWith(String text) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                world.gateway().jdbc().sql("SELECT body FROM rc_notification WHERE tenant_id = :tenant ORDER BY id")
                        .param("tenant", connected.app().tenantId()).query(String.class).list().stream()
                        .map(JSON::readTree).filter(n -> n.path("body").path("subject").asString().equals(text))
                        .findFirst().orElse(null), n -> n != null);
    }

    private List<Subscriptions.Row> subscriptionRows() {
        return world.gateway().bean(Subscriptions.class)
                .ofExtension(new Extensions.Key(connected.app().tenantId(), connected.extensionId()));
    }

    /**
     * The replacement is the only active subscription. A replacement is created before the old row goes, so that
     * notifications never lack a subscription: for a moment both are active.
     */
    private boolean replaced(Subscriptions.Row before) {
        List<Subscriptions.Row> active = activeSubscriptions();
        return active.size() == 1 && !active.getFirst().rcSubscriptionId().equals(before.rcSubscriptionId());
    }

    private Subscriptions.Row activeSubscription() {
        List<Subscriptions.Row> active = activeSubscriptions();
        assertThat(active).as("active subscriptions of the extension").hasSize(1);
        return active.getFirst();
    }

    private List<Subscriptions.Row> activeSubscriptions() {
        return subscriptionRows().stream().filter(Subscriptions.Row::active).toList();
    }

    /** The verification token RingCentral was given, as only the gateway knows it (sealed in its database). */
    private String verificationToken(Subscriptions.Row subscription) {
        return world.gateway().bean(SecretBox.class).open(subscription.sealedVerificationToken(),
                SubscriptionManager.tokenContext(subscription.subscriptionKey()));
    }

    private Optional<Map<String, Object>> remote(String rcSubscriptionId) {
        return world.admin().subscriptions().stream().filter(s -> rcSubscriptionId.equals(s.get("id"))).findFirst();
    }

    private static String address(Map<String, Object> subscription) {
        return String.valueOf(((Map<?, ?>) subscription.get("deliveryMode")).get("address"));
    }

    private static Instant expiry(Map<String, Object> subscription) {
        return Instant.parse(String.valueOf(subscription.get("expirationTime")));
    }

    private String notification(String uuid, Subscriptions.Row subscription, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Long.toString(System.nanoTime()));
        body.put("to", List.of(Map.of("phoneNumber", ALICE_SMS, "target", true)));
        body.put("from", Map.of("phoneNumber", "+14155550100"));
        body.put("type", "SMS");
        body.put("direction", "Inbound");
        body.put("subject", text);
        body.put("messageStatus", "Received");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("uuid", uuid);
        envelope.put("event", "/restapi/v1.0/account/" + SimulatedRingCentral.ACCOUNT + "/extension/" + connected.extensionId()
                + "/message-store/instant?type=SMS");
        envelope.put("timestamp", Instant.now().toString());
        envelope.put("subscriptionId", subscription.rcSubscriptionId());
        envelope.put("ownerId", connected.extensionId());
        envelope.put("body", body);
        return JSON.writeValueAsString(envelope);
    }

    private Response post(String path, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json; charset=UTF-8");
        all.put("User-Agent", "RingCentral-Webhook/8.3");
        return api.send("POST", path, HttpRequest.BodyPublishers.ofString(json), all);
    }

    private long stored(String uuid) {
        return world.gateway().jdbc().sql("SELECT COUNT(*) FROM rc_notification WHERE uuid = :uuid").param("uuid", uuid)
                .query(Long.class).single();
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> row) {
        Map<String, Object> lower = new LinkedHashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }

    /** An HTTP response exactly as it came over the socket. */
    record RawResponse(byte[] raw) {
        int bytes() {
            return raw.length;
        }

        String text() {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }

        String head() {
            int end = text().indexOf("\r\n\r\n");
            return end < 0 ? text() : text().substring(0, end);
        }

        String statusLine() {
            return head().lines().findFirst().orElse("");
        }

        String header(String name) {
            return head().lines().skip(1).filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }

        String body() {
            int end = text().indexOf("\r\n\r\n");
            return end < 0 ? "" : text().substring(end + 4);
        }
    }

    /** A POST over a plain socket (as RingCentral's validator sends it), reading every byte of the answer. */
    private RawResponse rawPost(String path, Map<String, String> headers, String body) throws IOException {
        int port = world.gateway().baseUri().getPort();
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("User-Agent: RingCentral-Webhook/8.3\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(content.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return new RawResponse(received.toByteArray());
        }
    }
}
