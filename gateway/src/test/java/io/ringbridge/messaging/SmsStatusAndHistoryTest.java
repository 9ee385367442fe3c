package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB_SMS;
import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.JdbcTemplate;

import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.simulator.admin.MessageView;
import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.World;
import tools.jackson.databind.JsonNode;

/**
 * docs/API.md "Status" {@code GET /v1/sms/status/:id} and the [ext] history {@code GET /v1/sms/messages}: fields,
 * formats, errors, tenant scope, filters, limits, cursor pagination, and that the history query walks its index.
 */
@SharedGateways
@EveryDatabase
class SmsStatusAndHistoryTest {

    static final String CUSTOMER = "+14155550001";
    static final String UNREACHABLE = "+15555550002"; // the simulator's delivery rule fails +1555… numbers

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
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
    }

    // --- status

    @Test
    void statusShowsTheContractFieldsThenTheExtensionsWithMillisecondTimestamps() {
        connect(app, false, ALICE);
        String text = "Status " + System.nanoTime();
        Response accepted = api.post("/v1/sms/send", app.apiKey(),
                Sms.json("to", CUSTOMER, "from", ALICE_SMS, "body", text, "userId", "customer-7"));
        String id = accepted.text("messageId");

        JsonNode message = Sms.awaitDelivery(api, app.apiKey(), id, Duration.ofSeconds(20), "delivered");

        assertThat(message.propertyNames()).containsExactly("messageId", "status", "rcMessageId", "error", "to", "from",
                "body", "createdAt", "updatedAt", "direction", "appId", "userId", "tenantId", "segments", "sentAt",
                "deliveryStatus", "deliveredAt");
        assertThat(message.path("messageId").asString()).isEqualTo(id);
        assertThat(message.path("status").asString()).isEqualTo("sent");
        assertThat(message.path("error").isNull()).isTrue();
        assertThat(message.path("to").asString()).isEqualTo(CUSTOMER);
        assertThat(message.path("from").asString()).isEqualTo(ALICE_SMS);
        assertThat(message.path("body").asString()).isEqualTo(text);
        assertThat(message.path("direction").asString()).isEqualTo("outbound");
        assertThat(message.path("appId").asString()).isEqualTo(app.appId());
        assertThat(message.path("userId").asString()).isEqualTo("customer-7");
        assertThat(message.path("tenantId").asString()).isEqualTo(app.tenantId());
        assertThat(message.path("segments").asInt()).isEqualTo(1);
        MessageView atRingCentral = world.admin().messages().stream()
                .filter(m -> m.text().equals(text)).findFirst().orElseThrow();
        assertThat(message.path("rcMessageId").asString()).isEqualTo(atRingCentral.id());
        for (String field : List.of("createdAt", "updatedAt", "sentAt", "deliveredAt")) {
            assertThat(message.path(field).asString()).as(field).matches(Sms.TIMESTAMP);
        }
        Instant created = instant(message, "createdAt");
        assertThat(instant(message, "sentAt")).isAfterOrEqualTo(created).isBeforeOrEqualTo(instant(message, "updatedAt"));
        assertThat(instant(message, "deliveredAt")).isAfterOrEqualTo(created.minusSeconds(1));
        assertThat(created).isBetween(Instant.now().minusSeconds(60), Instant.now());

        // The same message as the history shows it.
        JsonNode listed = api.get("/v1/sms/messages", app.apiKey()).json().path("messages").get(0);
        assertThat(listed).isEqualTo(message);
    }

    @Test
    void aMessageThatNeverLeftShowsNullsWhereNothingHappened() {
        String id = Sms.accepted(api, app.apiKey(), ALICE_SMS, CUSTOMER, "Not connected");

        JsonNode message = Sms.awaitFinal(api, app.apiKey(), id);

        assertThat(message.path("status").asString()).isEqualTo("failed");
        assertThat(message.path("error").asString()).isEqualTo("RingCentral not connected for this tenant");
        for (String field : List.of("rcMessageId", "userId", "sentAt", "deliveryStatus", "deliveredAt")) {
            assertThat(message.path(field).isNull()).as(field).isTrue();
        }
        assertThat(message.path("updatedAt").asString()).matches(Sms.TIMESTAMP);
    }

    @Test
    void statusErrorsInvalidIdUnknownIdAndAnotherTenantsMessage() {
        for (String bad : List.of("msg_123", "msg_ABCDEF012345", "msg_0123456789abc", "msg_0123456789ag", "message",
                "0123456789ab", "msg-0123456789ab", "tenant_0123456789abcdef")) {
            Response response = api.get("/v1/sms/status/" + bad, app.apiKey());
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Invalid messageId format");
            assertThat(response.text("param")).isEqualTo("messageId");
        }

        Response unknown = api.get("/v1/sms/status/msg_000000000000", app.apiKey());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("Message not found");

        Fixtures.TestApp other = Fixtures.newTenantWithApp(api);
        String theirs = Sms.accepted(api, other.apiKey(), ALICE_SMS, CUSTOMER, "Theirs");
        Response foreign = api.get("/v1/sms/status/" + theirs, app.apiKey());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.error()).isEqualTo("Message not found");
        assertThat(api.get("/v1/sms/status/" + theirs + "?tenantId=" + other.tenantId(), app.apiKey()).status())
                .as("an app cannot pick another tenant").isEqualTo(404);

        // The operator reads any tenant's message by naming the tenant.
        assertThat(api.get("/v1/sms/status/" + theirs + "?tenantId=" + other.tenantId(), ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.get("/v1/sms/status/" + theirs + "?tenantId=" + app.tenantId(), ADMIN_KEY).status()).isEqualTo(404);
        Response adminWithoutTenant = api.get("/v1/sms/status/" + theirs, ADMIN_KEY);
        assertThat(adminWithoutTenant.status()).isEqualTo(400);
        assertThat(adminWithoutTenant.error()).isEqualTo("tenantId is required for admin requests");
    }

    // --- history

    @Test
    void historyIsNewestFirstAndEveryFilterNarrowsIt() {
        connect(app, false, ALICE);
        connect(app, true, BOB);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("a", send(ALICE_SMS, CUSTOMER, "a", "u1"));
        ids.put("b", send(ALICE_SMS, UNREACHABLE, "b", "u2"));
        ids.put("c", send(BOB_SMS, CUSTOMER, "c", "u1"));
        ids.put("d", send("+16505559999", CUSTOMER, "d", null));
        Map<String, String> receipts = Map.of("a", "delivered", "b", "undelivered", "c", "delivered");
        receipts.forEach((name, receipt) ->
                Sms.awaitDelivery(api, app.apiKey(), ids.get(name), Duration.ofSeconds(20), receipt));
        Sms.awaitStatus(api, app.apiKey(), ids.get("d"), Duration.ofSeconds(20), "failed");
        // Inbound messages come from the receiver; written here as it stores them.
        String inbound = Sms.newMessageId();
        Sms.insert(world.gateway().jdbc(), inbound, app.tenantId(), null, "inbound", "received", CUSTOMER, ALICE_SMS, "e", null,
                Instant.now());
        ids.put("e", inbound);

        List<JsonNode> all = page("");
        assertThat(bodies(all)).containsExactly("e", "d", "c", "b", "a");
        assertThat(all).isSortedAccordingTo(Comparator.comparing((JsonNode m) -> m.path("createdAt").asString())
                .thenComparing(m -> m.path("messageId").asString()).reversed());
        assertThat(all.get(0).path("direction").asString()).isEqualTo("inbound");
        assertThat(all.get(0).path("status").asString()).isEqualTo("received");
        assertThat(api.get("/v1/sms/messages", app.apiKey()).json().path("nextCursor").isNull()).isTrue();

        assertThat(bodies(page("direction=inbound"))).containsExactly("e");
        assertThat(bodies(page("direction=outbound"))).containsExactly("d", "c", "b", "a");
        assertThat(bodies(page("status=sent"))).containsExactly("c", "b", "a");
        assertThat(bodies(page("deliveryStatus=delivered"))).containsExactly("c", "a");
        assertThat(bodies(page("deliveryStatus=undelivered"))).containsExactly("b");
        assertThat(bodies(page("deliveryStatus=pending"))).isEmpty();
        assertThat(bodies(page("status=failed"))).containsExactly("d");
        assertThat(bodies(page("status=received"))).containsExactly("e");
        assertThat(bodies(page("status=queued"))).isEmpty();
        assertThat(bodies(page("from=" + encode(ALICE_SMS)))).containsExactly("b", "a");
        assertThat(bodies(page("from=" + encode(BOB_SMS)))).containsExactly("c");
        assertThat(bodies(page("from=" + encode(CUSTOMER)))).containsExactly("e");
        assertThat(bodies(page("to=" + encode(CUSTOMER)))).containsExactly("d", "c", "a");
        assertThat(bodies(page("to=" + encode(ALICE_SMS)))).containsExactly("e");
        assertThat(bodies(page("userId=u1"))).containsExactly("c", "a");
        assertThat(bodies(page("userId=u2"))).containsExactly("b");
        assertThat(bodies(page("userId=nobody"))).isEmpty();
        assertThat(bodies(page("direction=outbound&status=sent&deliveryStatus=delivered&userId=u1&from=" + encode(BOB_SMS)
                + "&to=" + encode(CUSTOMER)))).containsExactly("c");

        // since is inclusive, until exclusive (both compare createdAt).
        String bAt = createdAt(all, ids.get("b"));
        String dAt = createdAt(all, ids.get("d"));
        assertThat(bodies(page("since=" + bAt))).containsExactly("e", "d", "c", "b");
        assertThat(bodies(page("until=" + bAt))).containsExactly("a");
        assertThat(bodies(page("since=" + bAt + "&until=" + dAt))).containsExactly("c", "b");
        assertThat(bodies(page("since=" + dAt + "&until=" + bAt))).isEmpty();
        assertThat(bodies(page("since=2000-01-01T00:00:00Z&until=2999-01-01T00:00:00.000Z"))).hasSize(5);
    }

    @Test
    void invalidFilterValuesAre400() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("direction=sideways", "direction must be outbound or inbound");
        errors.put("direction=", "direction must be outbound or inbound");
        errors.put("status=lost", "status must be one of queued, sending, sent, failed, received");
        errors.put("status=SENT", "status must be one of queued, sending, sent, failed, received");
        // Receipts are no status: they are filtered with deliveryStatus.
        errors.put("status=delivered", "status must be one of queued, sending, sent, failed, received");
        errors.put("status=undelivered", "status must be one of queued, sending, sent, failed, received");
        errors.put("deliveryStatus=sent", "deliveryStatus must be one of pending, delivered, undelivered");
        errors.put("deliveryStatus=DELIVERED", "deliveryStatus must be one of pending, delivered, undelivered");
        errors.put("deliveryStatus=", "deliveryStatus must be one of pending, delivered, undelivered");
        errors.put("since=yesterday", "since must be an ISO-8601 timestamp like 2026-03-01T10:00:00.000Z");
        errors.put("since=2026-03-01", "since must be an ISO-8601 timestamp like 2026-03-01T10:00:00.000Z");
        errors.put("until=2026-13-01T00:00:00Z", "until must be an ISO-8601 timestamp like 2026-03-01T10:00:00.000Z");
        errors.put("since=" + encode("+300000-01-01T00:00:00Z"), "since must be an ISO-8601 timestamp like 2026-03-01T10:00:00.000Z");
        errors.put("until=" + encode("-300000-01-01T00:00:00Z"), "until must be an ISO-8601 timestamp like 2026-03-01T10:00:00.000Z");
        errors.put("from=%00", "Invalid value for from");
        errors.put("to=%2B1415%00", "Invalid value for to");
        errors.put("userId=u%00", "Invalid value for userId");
        for (String limit : List.of("0", "201", "abc", "-1", "1.5", "", "99999999999")) {
            errors.put("limit=" + limit, "limit must be between 1 and 200");
        }
        errors.forEach((query, error) -> {
            Response response = api.get("/v1/sms/messages?" + query, app.apiKey());
            assertThat(response.status()).as("%s → %s", query, response).isEqualTo(400);
            assertThat(response.error()).as(query).isEqualTo(error);
            assertThat(response.text("param")).as("the parameter is named").isEqualTo(query.substring(0, query.indexOf('=')));
        });
    }

    @Test
    void limitIsOneTo200AndDefaults50() {
        insertMany(app, 205, Instant.now().minusSeconds(3600), 10);

        Response defaults = api.get("/v1/sms/messages", app.apiKey());
        assertThat(defaults.json().path("messages")).hasSize(50);
        assertThat(defaults.json().path("nextCursor").asString()).isNotBlank();
        assertThat(api.get("/v1/sms/messages?limit=1", app.apiKey()).json().path("messages")).hasSize(1);

        Response first = api.get("/v1/sms/messages?limit=200", app.apiKey());
        assertThat(first.json().path("messages")).hasSize(200);
        Response last = api.get("/v1/sms/messages?limit=200&cursor=" + first.text("nextCursor"), app.apiKey());
        assertThat(last.json().path("messages")).hasSize(5);
        assertThat(last.json().path("nextCursor").isNull()).isTrue();

        Response exact = api.get("/v1/sms/messages?limit=5&cursor=" + first.text("nextCursor"), app.apiKey());
        assertThat(exact.json().path("messages")).hasSize(5);
        assertThat(exact.json().path("nextCursor").isNull()).as("no empty last page").isTrue();
    }

    @Test
    void aCursorWalkSeesEveryMessageExactlyOnceWhileMessagesArriveAndWhenManyShareAMillisecond() throws Exception {
        Instant base = Instant.now().minusSeconds(600);
        Set<String> before = new HashSet<>(insertMany(app, 150, base, 1_000));
        // 40 messages in one millisecond, 11 in another: page boundaries fall inside both groups.
        for (int i = 0; i < 40; i++) {
            before.add(insertOne(app, base.plusMillis(75_500)));
        }
        for (int i = 0; i < 11; i++) {
            before.add(insertOne(app, base.plusMillis(150_000 + 1)));
        }
        // Filtered walks too: every third one is inbound.
        Fixtures.TestApp other = Fixtures.registerApp(api, app.tenantId(), "Sender during the walk");

        AtomicBoolean walking = new AtomicBoolean(true);
        Set<String> arrived = ConcurrentHashMap.newKeySet();
        List<JsonNode> walk;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> sender = executor.submit(() -> {
                int n = 0;
                while (walking.get() && n < 60) {
                    arrived.add(Sms.accepted(api, other.apiKey(), ALICE_SMS, CUSTOMER, "During " + n++));
                    sleep(20);
                }
                return null;
            });
            walk = walkAll("", 7, () -> sleep(15));
            walking.set(false);
            sender.get();
        }

        List<String> seen = walk.stream().map(m -> m.path("messageId").asString()).toList();
        assertThat(arrived).as("messages did arrive during the walk").isNotEmpty();
        assertThat(seen).as("no message twice").doesNotHaveDuplicates();
        assertThat(seen).as("every message that existed when the walk began").containsAll(before);
        assertThat(before.size() + arrived.size()).isGreaterThanOrEqualTo(seen.size());
        assertThat(walk).isSortedAccordingTo(Comparator.comparing((JsonNode m) -> m.path("createdAt").asString())
                .thenComparing(m -> m.path("messageId").asString()).reversed());

        // A new walk sees the arrivals too; a filtered walk sees exactly its part.
        List<String> again = walkAll("", 13, () -> {
        }).stream().map(m -> m.path("messageId").asString()).toList();
        assertThat(again).doesNotHaveDuplicates().containsAll(before).containsAll(arrived);
        List<JsonNode> inbound = walkAll("direction=inbound", 6, () -> {
        });
        List<String> inboundIds = inbound.stream().map(m -> m.path("messageId").asString()).toList();
        assertThat(inboundIds).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(world.gateway().jdbc().sql("SELECT id FROM message WHERE tenant_id = :t AND direction = 'inbound'")
                        .param("t", app.tenantId()).query(String.class).list());
    }

    @Test
    void anInvalidCursorIs400() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        List<String> cursors = List.of("abc", "!!!!", "%20",
                b64.encodeToString("garbage".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("123:msg_zz".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(":msg_000000000000".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("x:msg_000000000000".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("123:tenant_0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("99999999999999999999:msg_000000000000".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("9000000000000000000:msg_000000000000".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("-9000000000000000000:msg_000000000000".getBytes(StandardCharsets.UTF_8)));
        for (String cursor : cursors) {
            Response response = api.get("/v1/sms/messages?cursor=" + cursor, app.apiKey());
            assertThat(response.status()).as("%s → %s", cursor, response).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Invalid cursor");
        }
    }

    @Test
    void historyIsTenantScoped() {
        Fixtures.TestApp other = Fixtures.newTenantWithApp(api);
        Fixtures.TestApp sibling = Fixtures.registerApp(api, app.tenantId(), "Sibling");
        Set<String> mine = new HashSet<>(insertMany(app, 30, Instant.now().minusSeconds(100), 100));
        mine.add(Sms.accepted(api, sibling.apiKey(), ALICE_SMS, CUSTOMER, "From the sibling app"));
        Set<String> theirs = new HashSet<>(insertMany(other, 30, Instant.now().minusSeconds(100), 100));

        assertThat(ids(walkAll("", 200, () -> {
        }))).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(ids(page(other, "limit=200"))).containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(ids(page(app, "limit=200&tenantId=" + other.tenantId()))).as("an app cannot pick another tenant")
                .containsExactlyInAnyOrderElementsOf(mine);
        // With another tenant's cursor an app still walks only its own messages.
        String theirCursor = api.get("/v1/sms/messages?limit=1", other.apiKey()).text("nextCursor");
        assertThat(ids(page(app, "limit=200&cursor=" + theirCursor))).isSubsetOf(mine);

        Response operator = api.get("/v1/sms/messages?limit=200&tenantId=" + other.tenantId(), ADMIN_KEY);
        assertThat(ids(list(operator))).containsExactlyInAnyOrderElementsOf(theirs);
        Response operatorWithoutTenant = api.get("/v1/sms/messages", ADMIN_KEY);
        assertThat(operatorWithoutTenant.status()).isEqualTo(400);
        assertThat(operatorWithoutTenant.error()).isEqualTo("tenantId is required for admin requests");
    }

    @Test
    void theHistoryQueryWalksItsIndex() {
        // Enough rows that reading the table would cost far more than the index: 40 tenants × 1,000 messages.
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            tenants.add("tenant_" + String.format("%016x", System.nanoTime() + t));
        }
        JdbcTemplate batch = new JdbcTemplate(world.gateway().bean(DataSource.class));
        Instant base = Instant.now().minusSeconds(86_400);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            String tenant = tenants.get(i % tenants.size());
            boolean inbound = i % 5 == 0;
            rows.add(new Object[]{Sms.newMessageId(), tenant, inbound ? null : "app_0000000000000000",
                    inbound ? "inbound" : "outbound", inbound ? "received" : "sent", "+16505550101",
                    "+1415" + String.format("%07d", i % 1000), "Bulk " + i, "u" + (i % 97),
                    Timestamps.toDb(base.plusMillis(i * 7L)), inbound ? null : i % 11 == 0 ? "undelivered" : "delivered"});
        }
        batch.batchUpdate("""
                INSERT INTO message (id, tenant_id, app_id, direction, status, from_number, to_number, body, user_id,
                                     segments, next_attempt_at, created_at, updated_at, delivery_status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[]{r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[9],
                r[9], r[10]}).toList());
        if (database == Database.POSTGRES) {
            world.gateway().jdbc().sql("ANALYZE message").update();
        }
        String tenant = tenants.get(7);

        String firstPage = explain(MessageHistory.historyStatement(tenant, query(null, null, null), 51));
        String deepPage = explain(MessageHistory.historyStatement(tenant, query(null, null,
                new HistoryQuery.Cursor(base.plusMillis(20_000 * 7L), "msg_800000000000")), 51));
        String filtered = explain(MessageHistory.historyStatement(tenant, query("outbound", "u5", null), 51));
        String delivered = explain(MessageHistory.historyStatement(tenant, byReceipt(DeliveryStatus.DELIVERED), 51));
        String undelivered = explain(MessageHistory.historyStatement(tenant, byReceipt(DeliveryStatus.UNDELIVERED), 51));

        if (database == Database.POSTGRES) {
            for (String plan : List.of(firstPage, deepPage)) {
                assertThat(plan).as(plan).contains("Index Scan Backward using message_history on message")
                        .doesNotContain("Seq Scan").doesNotContain("Sort");
            }
            assertThat(deepPage).as("the cursor is where the index walk starts, not a filter over newer rows")
                    .containsPattern("Index Cond: \\(.*tenant_id.*created_at <=");
            for (String plan : List.of(filtered, delivered)) {
                assertThat(plan).as(plan).contains("message_history").doesNotContain("Seq Scan");
            }
            assertThat(delivered).as("most messages are delivered: walk the history, sort nothing").doesNotContain("Sort");
            // A rare receipt (1 in 11 here) may be found through the receipt index and its few rows sorted instead.
            assertThat(undelivered).as(undelivered).containsPattern("message_history|message_receipt")
                    .doesNotContain("Seq Scan");
        } else {
            for (String plan : List.of(firstPage, deepPage, filtered, delivered, undelivered)) {
                assertThat(plan).as(plan).contains("/* public.message_history: tenant_id = ?1").contains("/* index sorted */");
            }
            assertThat(deepPage).as(deepPage).contains("/* public.message_history: tenant_id = ?1 AND created_at <= ?2 */");
        }
    }

    // --- helpers

    private String explain(MessageHistory.Statement statement) {
        List<String> lines = world.gateway().jdbc().sql("EXPLAIN " + statement.sql()).params(statement.params())
                .query((rs, n) -> rs.getString(1)).list();
        String plan = String.join("\n", lines);
        return database == Database.H2 ? plan.replaceAll("\\s+", " ") : plan;
    }

    private static HistoryQuery byReceipt(DeliveryStatus deliveryStatus) {
        return new HistoryQuery(null, null, deliveryStatus, null, null, null, null, null, null);
    }

    private static HistoryQuery query(String direction, String userId, HistoryQuery.Cursor after) {
        return new HistoryQuery(direction, null, null, null, null, userId, null, null, after);
    }

    private void connect(Fixtures.TestApp target, boolean invite, long extension) {
        assertThat(ConnectFlow.connect(api, target.apiKey(), invite, ACCOUNT, extension).status()).isEqualTo(200);
    }

    private String send(String from, String to, String body, String userId) {
        Response response = api.post("/v1/sms/send", app.apiKey(),
                Sms.json("to", to, "from", from, "body", body, "userId", userId));
        assertThat(response.status()).as("%s", response).isEqualTo(202);
        return response.text("messageId");
    }

    /** {@code count} messages, sent and delivered or (every third) inbound, {@code stepMs} apart from {@code start}. */
    private List<String> insertMany(Fixtures.TestApp owner, int count, Instant start, long stepMs) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Sms.newMessageId();
            boolean inbound = i % 3 == 0;
            Sms.insert(world.gateway().jdbc(), id, owner.tenantId(), inbound ? null : owner.appId(), inbound ? "inbound" : "outbound",
                    inbound ? "received" : "sent", inbound ? CUSTOMER : ALICE_SMS, inbound ? ALICE_SMS : CUSTOMER,
                    "Bulk " + i, null, start.plusMillis(i * stepMs));
            ids.add(id);
        }
        return ids;
    }

    private String insertOne(Fixtures.TestApp owner, Instant at) {
        String id = Sms.newMessageId();
        Sms.insert(world.gateway().jdbc(), id, owner.tenantId(), owner.appId(), "outbound", "sent", ALICE_SMS, CUSTOMER,
                "Same millisecond", null, at);
        return id;
    }

    private List<JsonNode> page(String query) {
        return page(app, query);
    }

    private List<JsonNode> page(Fixtures.TestApp of, String query) {
        return list(api.get("/v1/sms/messages?" + query, of.apiKey()));
    }

    private static List<JsonNode> list(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        response.json().path("messages").forEach(messages::add);
        return messages;
    }

    private List<JsonNode> walkAll(String filter, int limit, Runnable betweenPages) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response response = api.get("/v1/sms/messages?limit=" + limit + (filter.isEmpty() ? "" : "&" + filter)
                    + (cursor == null ? "" : "&cursor=" + cursor), app.apiKey());
            List<JsonNode> page = list(response);
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            all.addAll(page);
            cursor = response.json().path("nextCursor").isNull() ? null : response.text("nextCursor");
            if (cursor != null) {
                assertThat(page).as("a page with a next cursor is full").hasSize(limit);
            }
            betweenPages.run();
            assertThat(++pages).as("the walk ends").isLessThan(10_000);
        } while (cursor != null);
        return all;
    }

    private static List<String> bodies(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("body").asString()).toList();
    }

    private static List<String> ids(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("messageId").asString()).toList();
    }

    private static String createdAt(List<JsonNode> messages, String id) {
        Predicate<JsonNode> isIt = m -> m.path("messageId").asString().equals(id);
        return messages.stream().filter(isIt).findFirst().orElseThrow().path("createdAt").asString();
    }

    private static Instant instant(JsonNode message, String field) {
        return Instant.parse(message.path(field).asString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
