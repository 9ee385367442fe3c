package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.BOB;
import static io.ringbridge.simulator.SimulatorClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.limits.RateLimitStats;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per (user, app, group) limits, headers, and the penalty that restarts on every request made during it. */
class RateLimitTest {
    static final String ME = "/restapi/v1.0/account/~/extension/~";
    RingCentralSimulator simulator;
    SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder()
                .rateLimit(RateGroup.LIGHT, 3, Duration.ofSeconds(2), Duration.ofMillis(1500))
                .rateLimit(RateGroup.AUTH, 100, Duration.ofSeconds(60), Duration.ofSeconds(60)).build());
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void headersOnEveryAnswer() {
        String token = client.accessToken(ALICE);
        HttpResponse<String> r = client.get(ME, token);
        assertThat(r.headers().firstValue("X-Rate-Limit-Group")).contains("light");
        assertThat(r.headers().firstValue("X-Rate-Limit-Limit")).contains("3");
        assertThat(r.headers().firstValue("X-Rate-Limit-Remaining")).contains("2");
        assertThat(r.headers().firstValue("X-Rate-Limit-Window")).contains("2");
        HttpResponse<String> sms = client.sendSms(token, SimulatorClient.ALICE_SMS, "+14155550100", "hi");
        assertThat(sms.headers().firstValue("X-Rate-Limit-Group")).contains("medium");
        assertThat(sms.headers().firstValue("X-Rate-Limit-Limit")).contains("40");
    }

    @Test
    void penaltyRestartsOnEveryRequestDuringIt() throws Exception {
        String token = client.accessToken(ALICE);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get(ME, token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = client.get(ME, token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(errorCode(limited)).isEqualTo("CMN-301");
        assertThat(limited.body()).contains("\"errorCode\":\"CMN-301\",\"message\":\"Request rate exceeded\"");
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(limited.headers().firstValue("X-Rate-Limit-Remaining")).contains("0");

        // keep poking inside the penalty: each request restarts it, so after 2.5 s it is still running
        for (int i = 0; i < 5; i++) {
            Thread.sleep(500);
            assertThat(client.get(ME, token).statusCode()).isEqualTo(429);
        }
        // another user (and another group) is not affected
        assertThat(client.get(ME, client.accessToken(BOB)).statusCode()).isEqualTo(200);
        assertThat(client.sendSms(token, SimulatorClient.ALICE_SMS, "+14155550100", "x").statusCode()).isEqualTo(200);

        // stay quiet for the whole penalty: it ends
        Thread.sleep(1700);
        assertThat(client.get(ME, token).statusCode()).isEqualTo(200);

        RateLimitStats stats = simulator.admin().counters().rateLimits().stream()
                .filter(s -> s.extensionId().equals(Long.toString(ALICE)) && s.group().equals("Light"))
                .findFirst().orElseThrow();
        assertThat(stats.throttled()).isEqualTo(6);
        assertThat(stats.penaltyRestarts()).isEqualTo(5);
        assertThat(simulator.admin().counters().throttled()).isEqualTo(6);
    }

    @Test
    void limitsCanBeSwitchedOff() {
        simulator.admin().rateLimitsEnabled(false);
        String token = client.accessToken(ALICE);
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(ME, token).statusCode()).isEqualTo(200);
        }
        assertThat(simulator.admin().counters().throttled()).isZero();
    }

    @Test
    void authGroupLimitsTokenRequests() {
        simulator.admin().rateLimits(simulator.admin().rateLimits().with(RateGroup.AUTH,
                new io.ringbridge.simulator.limits.GroupLimit(3, Duration.ofSeconds(60), Duration.ofSeconds(60))));
        // sign-in form (1) + code exchange (2) + first refresh (3) fit; the second refresh is over
        String refresh = client.login(ALICE).get("refresh_token").asString();
        HttpResponse<String> second = client.refresh(refresh);
        assertThat(second.statusCode()).isEqualTo(200);
        HttpResponse<String> third = client.refresh(SimulatorClient.json(second).get("refresh_token").asString());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("X-Rate-Limit-Group")).contains("auth");
    }
}
