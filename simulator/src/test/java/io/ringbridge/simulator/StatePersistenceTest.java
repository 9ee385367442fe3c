package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.ALICE_SMS;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringbridge.simulator.admin.MessageView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** With a state file, a restarted simulator still knows its sessions, messages, subscriptions and id sequences. */
class StatePersistenceTest {
    private static final String EXTENSION = "/restapi/v1.0/account/~/extension/~";
    private static final String INSTANT = EXTENSION + "/message-store/instant?type=SMS";

    @TempDir
    Path dir;

    private RingCentralSimulator start(Path stateFile, Duration deliveryStep) {
        return RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false)
                .deliveryTiming(deliveryStep, deliveryStep).stateFile(stateFile).build());
    }

    @Test
    void aRestartedSimulatorKeepsSessionsMessagesSubscriptionsAndIds() throws Exception {
        Path stateFile = dir.resolve("state.json");
        String access;
        String refresh;
        String subscriptionId;
        long firstId;
        // Slow delivery: the message is still on its way when the simulator stops.
        try (RingCentralSimulator first = start(stateFile, Duration.ofSeconds(30));
             WebhookReceiver receiver = new WebhookReceiver()) {
            SimulatorClient client = new SimulatorClient(first);
            JsonNode login = client.login(ALICE);
            access = login.get("access_token").asString();
            refresh = login.get("refresh_token").asString();
            HttpResponse<String> sent = client.sendSms(access, ALICE_SMS, "+14155550100", "before the restart");
            assertThat(sent.statusCode()).isEqualTo(200);
            firstId = Long.parseLong(json(sent).get("id").asString());
            HttpResponse<String> subscribed = client.postJson("/restapi/v1.0/subscription", access,
                    "{\"eventFilters\":[\"" + INSTANT + "\"],\"deliveryMode\":{\"transportType\":\"WebHook\","
                            + "\"address\":\"" + receiver.address() + "\"}}");
            assertThat(subscribed.statusCode()).isEqualTo(200);
            subscriptionId = json(subscribed).get("id").asString();
        }

        assertThat(stateFile).exists();
        if (Files.getFileStore(stateFile).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile))).isEqualTo("rw-------");
        }
        try (RingCentralSimulator second = start(stateFile, Duration.ofMillis(50))) {
            SimulatorClient client = new SimulatorClient(second);
            assertThat(client.get(EXTENSION, access).statusCode()).as("the access token still works").isEqualTo(200);
            assertThat(client.get(EXTENSION + "/message-store/" + firstId, access).statusCode()).isEqualTo(200);
            HttpResponse<String> subscriptions = client.get("/restapi/v1.0/subscription", access);
            assertThat(json(subscriptions).get("records").valueStream().map(s -> s.get("id").asString()))
                    .containsExactly(subscriptionId);
            // The interrupted delivery goes on where it stopped.
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    "Delivered".equals(second.admin().message(firstId).messageStatus()));

            HttpResponse<String> refreshed = client.refresh(refresh);
            assertThat(refreshed.statusCode()).as("the refresh token still refreshes").isEqualTo(200);
            String newAccess = json(refreshed).get("access_token").asString();
            HttpResponse<String> sent = client.sendSms(newAccess, ALICE_SMS, "+14155550100", "after the restart");
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(Long.parseLong(json(sent).get("id").asString())).isGreaterThan(firstId);
            assertThat(second.admin().messages()).extracting(MessageView::text)
                    .containsExactly("before the restart", "after the restart");
        }
    }

    @Test
    void idsDoNotRepeatEvenWhenTheStateFileWasDeleted() throws Exception {
        Path stateFile = dir.resolve("state.json");
        long firstId;
        try (RingCentralSimulator first = start(stateFile, Duration.ofMillis(50))) {
            SimulatorClient client = new SimulatorClient(first);
            HttpResponse<String> sent = client.sendSms(client.accessToken(ALICE), ALICE_SMS, "+14155550100", "one");
            firstId = Long.parseLong(json(sent).get("id").asString());
        }
        Files.delete(stateFile);
        Thread.sleep(5); // the sequences start from the clock
        try (RingCentralSimulator second = start(stateFile, Duration.ofMillis(50))) {
            SimulatorClient client = new SimulatorClient(second);
            HttpResponse<String> sent = client.sendSms(client.accessToken(ALICE), ALICE_SMS, "+14155550100", "two");
            assertThat(Long.parseLong(json(sent).get("id").asString())).isGreaterThan(firstId);
        }
    }

    @Test
    void anUnreadableStateFileIsMovedAsideAndTheSimulatorStartsEmpty() throws Exception {
        Path stateFile = dir.resolve("state.json");
        Files.writeString(stateFile, "{\"version\":1,\"directory\":");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        RingCentralSimulator simulator;
        try {
            simulator = start(stateFile, Duration.ofMillis(50));
        } finally {
            System.setErr(original);
        }
        try (simulator) {
            List<Path> aside;
            try (Stream<Path> files = Files.list(dir)) {
                aside = files.filter(f -> f.getFileName().toString().startsWith("state.json.unreadable-")).toList();
            }
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.getFirst())).isEqualTo("{\"version\":1,\"directory\":");
            assertThat(stderr.toString(StandardCharsets.UTF_8))
                    .contains("state file", "unreadable", aside.getFirst().toString(), "empty state");
            SimulatorClient client = new SimulatorClient(simulator);
            assertThat(client.get(EXTENSION, client.accessToken(ALICE)).statusCode()).isEqualTo(200);
        }
        assertThat(stateFile).exists();
        assertThat(Files.readString(stateFile)).contains("\"version\":1");
    }
}
