package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.World;

/** docs/API.md "SMS": a message goes from 202 to sent through RingCentral (the simulator), once. */
@SharedGateways
@EveryDatabase
class SendSmsTest {

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
        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
    }

    @Test
    void aMessageIsAcceptedThenSentOnce() {
        String text = "Hello " + System.nanoTime();
        Response accepted = api.post("/v1/sms/send", app.apiKey(),
                "{\"to\":\"+14155550100\",\"from\":\"" + ALICE_SMS + "\",\"body\":\"" + text + "\"}");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("queued");
        String id = accepted.text("messageId");
        assertThat(id).matches("msg_[0-9a-f]{12}");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/v1/sms/status/" + id, app.apiKey()).text("status").equals("sent"));
        Response status = api.get("/v1/sms/status/" + id, app.apiKey());
        assertThat(status.text("rcMessageId")).isNotBlank();
        assertThat(status.text("sentAt")).isNotBlank();
        assertThat(world.admin().sendCount(ALICE_SMS, "+14155550100", text)).isEqualTo(1);
    }

    @Test
    void deliveryReceiptsSetDeliveryStatusWhileStatusStaysSent() {
        String delivered = send("+14155550123", "Will arrive");
        String lost = send("+15555550100", "Will not arrive");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                "delivered".equals(api.get("/v1/sms/status/" + delivered, app.apiKey()).text("deliveryStatus"))
                        && "undelivered".equals(api.get("/v1/sms/status/" + lost, app.apiKey()).text("deliveryStatus")));
        assertThat(api.get("/v1/sms/status/" + delivered, app.apiKey()).text("status")).isEqualTo("sent");
        assertThat(api.get("/v1/sms/status/" + lost, app.apiKey()).text("status")).isEqualTo("sent");
        assertThat(api.get("/v1/sms/status/" + delivered, app.apiKey()).text("deliveredAt")).isNotBlank();
        assertThat(api.get("/v1/sms/status/" + lost, app.apiKey()).text("error")).contains("SMS-CAR-411");
    }

    private String send(String to, String text) {
        Response accepted = api.post("/v1/sms/send", app.apiKey(),
                "{\"to\":\"" + to + "\",\"from\":\"" + ALICE_SMS + "\",\"body\":\"" + text + "\"}");
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.text("messageId");
    }
}
