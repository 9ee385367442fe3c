package io.ringbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.admin.SimulatorAdmin;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SMS routes as an app calls them, and what the SMS tests look at around them. */
final class Sms {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** docs/API.md "Conventions": ISO-8601 UTC with milliseconds and {@code Z}. */
    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    /** Where a Gravity client stops polling: no status follows these (receipts go to {@code deliveryStatus}). */
    static final Set<String> FINAL = Set.of("sent", "failed");

    private Sms() {
    }

    /** A JSON object of the given fields (pairs of name, value; a null value is written as JSON null). */
    static String json(Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return JSON.writeValueAsString(body);
    }

    static Response send(Api api, String apiKey, String from, String to, String body) {
        return api.post("/v1/sms/send", apiKey, json("to", to, "from", from, "body", body));
    }

    static Response send(Api api, String apiKey, String json, String idempotencyKey) {
        return api.send("POST", "/v1/sms/send", apiKey, json, Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Sends and expects 202; returns the message id. */
    static String accepted(Api api, String apiKey, String from, String to, String body) {
        Response response = send(api, apiKey, from, to, body);
        assertThat(response.status()).as("send: %s", response).isEqualTo(202);
        return response.text("messageId");
    }

    static JsonNode status(Api api, String apiKey, String messageId) {
        Response response = api.get("/v1/sms/status/" + messageId, apiKey);
        assertThat(response.status()).as("status: %s", response).isEqualTo(200);
        return response.json();
    }

    /** Waits until the message has one of {@code statuses}; returns it. */
    static JsonNode awaitStatus(Api api, String apiKey, String messageId, Duration atMost, String... statuses) {
        List<String> wanted = Arrays.asList(statuses);
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .alias("message " + messageId + " reaches " + wanted)
                .until(() -> {
                    last[0] = status(api, apiKey, messageId);
                    return wanted.contains(last[0].path("status").asString());
                });
        return last[0];
    }

    static JsonNode awaitFinal(Api api, String apiKey, String messageId) {
        return awaitStatus(api, apiKey, messageId, Duration.ofSeconds(30), FINAL.toArray(String[]::new));
    }

    /** Waits until the message's [ext] {@code deliveryStatus} is {@code wanted}; returns it. */
    static JsonNode awaitDelivery(Api api, String apiKey, String messageId, Duration atMost, String wanted) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .alias("message " + messageId + " gets deliveryStatus " + wanted)
                .until(() -> {
                    last[0] = status(api, apiKey, messageId);
                    return wanted.equals(last[0].path("deliveryStatus").asString());
                });
        return last[0];
    }

    /** The {@code sms_status} events the outbox holds for a message, oldest first. */
    static List<JsonNode> events(JdbcClient jdbc, String tenantId, String messageId) {
        return events(jdbc, "sms_status", tenantId, messageId);
    }

    /** The [ext] {@code sms_delivery} events the outbox holds for a message, oldest first. */
    static List<JsonNode> deliveryEvents(JdbcClient jdbc, String tenantId, String messageId) {
        return events(jdbc, "sms_delivery", tenantId, messageId);
    }

    private static List<JsonNode> events(JdbcClient jdbc, String type, String tenantId, String messageId) {
        List<JsonNode> events = new ArrayList<>();
        for (String payload : jdbc.sql("SELECT payload FROM event_outbox WHERE type = :type AND tenant_id = :tenant ORDER BY id")
                .param("type", type).param("tenant", tenantId).query(String.class).list()) {
            JsonNode event = JSON.readTree(payload);
            if (event.path("messageId").asString().equals(messageId)) {
                events.add(event);
            }
        }
        return events;
    }

    static List<String> eventStatuses(JdbcClient jdbc, String tenantId, String messageId) {
        return events(jdbc, tenantId, messageId).stream().map(e -> e.path("status").asString()).toList();
    }

    /**
     * Counts every request of a RingCentral operation at the simulator: a fault that adds no latency hits every
     * request, and the simulator counts its hits.
     */
    static void countRequests(SimulatorAdmin admin, String operation) {
        admin.addFault(FaultRule.latency(operation, 0));
    }

    static long requests(SimulatorAdmin admin, String operation) {
        return admin.counters().faultHits().getOrDefault(operation + ":LATENCY", 0L);
    }

    /**
     * A message row written straight to the database, as the gateway writes one (for history tests that need
     * inbound messages, many rows, or rows that share a millisecond). Never {@code queued}: the worker must leave
     * it alone. A {@code sent} row has its receipt: {@code delivered}.
     */
    static void insert(JdbcClient jdbc, String id, String tenantId, String appId, String direction, String status,
                       String from, String to, String body, String userId, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO message (id, tenant_id, app_id, direction, status, delivery_status, from_number, to_number,
                                             body, user_id, segments, next_attempt_at, created_at, updated_at)
                        VALUES (:id, :tenant, :app, :direction, :status, :delivery, :from, :to, :body, :user, 1, :at, :at, :at)
                        """)
                .param("id", id).param("tenant", tenantId).param("app", appId).param("direction", direction)
                .param("status", status).param("delivery", status.equals("sent") ? "delivered" : null, java.sql.Types.VARCHAR)
                .param("from", from).param("to", to).param("body", body).param("user", userId)
                .param("at", Timestamps.toDb(createdAt))
                .update();
    }

    static String newMessageId() {
        return "msg_" + java.util.HexFormat.of().formatHex(randomBytes(6));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
