package io.ringbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.awaitility.Awaitility;

import io.ringbridge.simulator.admin.SimulatorAdmin;
import io.ringbridge.simulator.sms.SendCount;
import tools.jackson.databind.JsonNode;

/** Many messages at once, for the queue's reliability tests: submit them, wait for the end, count at RingCentral. */
public final class Bulk {

    /** Statuses a message never leaves. */
    private static final Set<String> FINAL = Set.of("sent", "failed");

    private Bulk() {
    }

    /** Submits {@code count} messages with unique bodies ({@code prefix} + index); returns messageId → body. */
    public static Map<String, String> submit(Api api, String apiKey, String from, int count, String prefix) {
        Map<String, String> accepted = Collections.synchronizedMap(new HashMap<>());
        Semaphore concurrency = new Semaphore(16);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String body = prefix + " #" + i;
                String to = "+1415" + String.format("%07d", i);
                concurrency.acquireUninterruptibly();
                executor.submit(() -> {
                    try {
                        Response response = api.post("/v1/sms/send", apiKey,
                                "{\"to\":\"" + to + "\",\"from\":\"" + from + "\",\"body\":\"" + body + "\"}");
                        assertThat(response.status()).as("accept: %s", response).isEqualTo(202);
                        accepted.put(response.text("messageId"), body);
                    } finally {
                        concurrency.release();
                    }
                });
            }
        }
        assertThat(accepted).hasSize(count);
        return accepted;
    }

    /** Waits until the tenant has no message left queued or sending. */
    public static void awaitDrained(Api api, String apiKey, Duration atMost) {
        // Two cheap reads first. They are not one snapshot: a message can go from sending back to queued (a retry)
        // between them, so only a walk in which every message is final, a state none leaves for the queue, proves it.
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() ->
                api.get("/v1/sms/messages?status=queued&limit=1", apiKey).json().path("messages").isEmpty()
                        && api.get("/v1/sms/messages?status=sending&limit=1", apiKey).json().path("messages").isEmpty()
                        && statuses(api, apiKey).values().stream().allMatch(FINAL::contains));
    }

    /** Every message of the tenant: messageId → status (walks the history's pages). */
    public static Map<String, String> statuses(Api api, String apiKey) {
        Map<String, String> statuses = new HashMap<>();
        String cursor = null;
        do {
            Response page = api.get("/v1/sms/messages?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), apiKey);
            assertThat(page.status()).as("history: %s", page).isEqualTo(200);
            for (JsonNode message : page.json().path("messages")) {
                statuses.put(message.path("messageId").asString(), message.path("status").asString());
            }
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString();
        } while (cursor != null);
        return statuses;
    }

    /** How many times RingCentral received each body from {@code from} (bodies it never received are absent). */
    public static Map<String, Long> receivedByBody(SimulatorAdmin admin, String from) {
        Map<String, Long> counts = new HashMap<>();
        for (SendCount count : admin.sendCounts()) {
            if (count.from().equals(from)) {
                counts.merge(count.text(), count.count(), Long::sum);
            }
        }
        return counts;
    }

    public static long totalReceived(SimulatorAdmin admin, String from) {
        return receivedByBody(admin, from).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bodies RingCentral received more than once. */
    public static List<String> duplicates(SimulatorAdmin admin, String from) {
        List<String> duplicates = new ArrayList<>();
        receivedByBody(admin, from).forEach((body, n) -> {
            if (n > 1) {
                duplicates.add(body + " x" + n);
            }
        });
        return duplicates;
    }
}
