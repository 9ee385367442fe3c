package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.ALICE_SMS;
import static io.ringbridge.simulator.SimulatorClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringbridge.simulator.faults.FaultKind;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.faults.Operations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault kind, aimed at an operation by name, with fraction and count. */
class FaultInjectionTest {
    RingCentralSimulator simulator;
    SimulatorClient client;
    String alice;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false).build());
        client = new SimulatorClient(simulator);
        alice = client.accessToken(ALICE);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpRequest smsRequest(String text, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(client.base + "/restapi/v1.0/account/~/extension/~/sms"))
                .timeout(timeout).header("Authorization", "Bearer " + alice)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":{\"phoneNumber\":\"" + ALICE_SMS
                        + "\"},\"to\":[{\"phoneNumber\":\"+14155550100\"}],\"text\":\"" + text + "\"}")).build();
    }

    @Test
    void latencyDelaysTheAnswer() {
        simulator.admin().addFault(FaultRule.latency(Operations.GET_EXTENSION, 400));
        long start = System.nanoTime();
        assertThat(client.get("/restapi/v1.0/account/~/extension/~", alice).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        start = System.nanoTime();
        client.get("/restapi/v1.0/account/~/extension/~/phone-number", alice);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void serviceUnavailableWithRetryAfterForACountOfRequests() {
        simulator.admin().addFault(FaultRule.error(Operations.SEND_SMS, 503, 1.0, 2).withRetryAfter(7));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = client.sendSms(alice, ALICE_SMS, "+14155550100", "x");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("7");
            assertThat(errorCode(r)).isEqualTo("CMN-201");
        }
        assertThat(client.sendSms(alice, ALICE_SMS, "+14155550100", "x").statusCode()).isEqualTo(200);
        assertThat(simulator.admin().sendCount(ALICE_SMS, "+14155550100", "x")).isEqualTo(1);
        assertThat(simulator.admin().counters().faultHits()).containsEntry("sendSms:ERROR", 2L);
    }

    @Test
    void internalErrorOnTheTokenEndpoint() {
        simulator.admin().addFault(FaultRule.error(Operations.TOKEN, 500, 1.0, 1));
        HttpResponse<String> r = client.token(Map.of("grant_type", "refresh_token", "refresh_token", "x"));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(errorCode(r)).isEqualTo("CMN-203");
    }

    @Test
    void fractionHitsRoughlyThatShare() {
        simulator.admin().addFault(FaultRule.error(Operations.GET_EXTENSION, 502, 0.5, null));
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            if (client.get("/restapi/v1.0/account/~/extension/~", alice).statusCode() == 502) {
                failed++;
            }
        }
        assertThat(failed).isBetween(60, 140);
    }

    @Test
    void timeoutHangsAndDoesNothing() {
        simulator.admin().addFault(FaultRule.timeout(Operations.SEND_SMS, 2000, 1.0, 1));
        assertThatThrownBy(() -> client.http.send(smsRequest("hang", Duration.ofMillis(500)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.admin().sendCount(ALICE_SMS, "+14155550100", "hang")).isZero();
    }

    @Test
    void lostResponseStoresTheMessageButTheClientGetsAnIoError() throws Exception {
        simulator.admin().addFault(FaultRule.lostResponse(Operations.SEND_SMS, 1.0, 1));
        assertThatThrownBy(() -> client.http.send(smsRequest("lost", Duration.ofSeconds(5)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.admin().sendCount(ALICE_SMS, "+14155550100", "lost")).isEqualTo(1);
        assertThat(simulator.admin().messages()).anyMatch(m -> m.text().equals("lost"));
        // the retry goes through and is counted as the duplicate it is
        HttpResponse<String> retry = client.http.send(smsRequest("lost", Duration.ofSeconds(5)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(simulator.admin().sendCount(ALICE_SMS, "+14155550100", "lost")).isEqualTo(2);
    }

    @Test
    void faultsAreSetThroughTheHttpAdminApiToo() {
        HttpResponse<String> set = client.postJson("/admin/faults", null,
                "{\"operation\":\"getExtension\",\"kind\":\"ERROR\",\"status\":503,\"count\":1}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(simulator.admin().faults()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FaultKind.ERROR));
        assertThat(client.get("/restapi/v1.0/account/~/extension/~", alice).statusCode()).isEqualTo(503);
        assertThat(client.get("/restapi/v1.0/account/~/extension/~", alice).statusCode()).isEqualTo(200);
        assertThat(client.delete("/admin/faults", null).statusCode()).isEqualTo(204);
        assertThat(simulator.admin().faults()).isEmpty();
    }
}
