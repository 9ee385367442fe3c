package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.testing.CodeGrant;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.World;

/**
 * Another client of the same RingCentral user that, like the gateway, waits out each 429 and then tries again
 * (here: another gateway instance's strategy, the penalty plus the same margin). Each request during a penalty
 * restarts it, so if both always waited exactly one penalty, each one's next request would land in the penalty the
 * other had just restarted, for ever. The gateway waits longer after a penalty that follows another, so both get
 * out and its messages go.
 */
@EveryDatabase
class PenaltyContentionTest {

    static final Duration PENALTY = Duration.ofSeconds(2);
    static final long MARGIN_MS = 250;
    static final int MESSAGES = 3;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Parameter
    Database database;

    @Test
    void anotherClientThatWaitsOutEachPenaltyDoesNotKeepTheMessagesWaitingForEver() throws Exception {
        try (World world = new World.Setup(
                config -> config.sessionCap(1_000).rateLimit(RateGroup.MEDIUM, 4, Duration.ofSeconds(2), PENALTY),
                // Polling the messages' status for half a minute must not run into the app's own request budget.
                gateway -> gateway.property("ringbridge.limits.app-requests-per-minute", "100000").property("ringbridge.limits.tenant-requests-per-minute", "100000")).start(database)) {
            Api api = world.api();
            Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
            assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
            URI sms = world.ringCentral().simulator().baseUri().resolve("/restapi/v1.0/account/~/extension/~/sms");
            String otherToken = ownSession(world);

            // The other client overdraws the budget: the user is penalised from its 429 on. From then on it waits
            // out each 429 (Retry-After and a margin) and tries again, until a request goes through.
            HttpResponse<String> overdrawn;
            do {
                overdrawn = send(sms, otherToken);
            } while (overdrawn.statusCode() != 429);
            AtomicInteger otherRefused = new AtomicInteger(1);
            HttpResponse<String> first = overdrawn;
            Thread other = Thread.ofVirtual().start(() -> {
                long giveUp = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                HttpResponse<String> answer = first;
                try {
                    while (answer.statusCode() == 429 && System.nanoTime() < giveUp) {
                        Thread.sleep(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()) * 1_000 + MARGIN_MS);
                        answer = send(sms, otherToken);
                        if (answer.statusCode() == 429) {
                            otherRefused.incrementAndGet();
                        }
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            });
            // A second later the gateway has messages to send, and its first requests meet the penalty.
            Thread.sleep(1_000);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                ids.add(Sms.accepted(api, app.apiKey(), ALICE_SMS, "+14155550100", "Contention " + i + " " + System.nanoTime()));
            }

            for (String id : ids) {
                Sms.awaitStatus(api, app.apiKey(), id, Duration.ofSeconds(25), "sent");
            }
            other.join();
            assertThat(otherRefused.get()).as("the other client got out too, after a few penalties").isBetween(1, 4);
            for (String id : ids) {
                assertThat(world.admin().sendCount(ALICE_SMS, "+14155550100",
                        Sms.status(api, app.apiKey(), id).path("body").asString())).isEqualTo(1);
            }
        }
    }

    private static HttpResponse<String> send(URI sms, String token) {
        String body = "{\"from\":{\"phoneNumber\":\"" + ALICE_SMS + "\"},\"to\":[{\"phoneNumber\":\"+14085550100\"}],"
                + "\"text\":\"other client\"}";
        try {
            return HTTP.send(HttpRequest.newBuilder(sms).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session of the same user through the same RingCentral app, obtained as any client would. */
    private static String ownSession(World world) {
        return CodeGrant.accessToken(world.ringCentral().simulator().baseUri(), SimulatedRingCentral.CLIENT_ID,
                SimulatedRingCentral.CLIENT_SECRET, URI.create("http://localhost:" + world.gateway().baseUri().getPort()
                        + "/v1/rc/callback"), ACCOUNT, ALICE);
    }
}
