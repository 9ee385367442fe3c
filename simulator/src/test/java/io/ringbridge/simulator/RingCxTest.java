package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.Contact;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.ringcx.RingCxRules;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** RingCX token exchange, rotation, expiry and the exchange limit. */
class RingCxTest {
    RingCentralSimulator simulator;
    SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder()
                .rateLimit(io.ringbridge.simulator.limits.RateGroup.AUTH, 100, Duration.ofMinutes(1),
                        Duration.ofMinutes(1))
                .ringCx(new RingCxRules(Duration.ofSeconds(1), Duration.ofDays(1), 5)).build());
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> exchange(String rcToken) {
        return client.form("/api/auth/login/rc/accesstoken?includeRefresh=true",
                Map.of("rcAccessToken", rcToken, "rcTokenType", "Bearer"), null, null);
    }

    @Test
    void exchangeRefreshAndUse() throws Exception {
        HttpResponse<String> login = exchange(client.accessToken(ALICE));
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = json(login);
        assertThat(body.get("accessToken").asString().split("\\.")).hasSize(3);
        assertThat(body.get("refreshToken").asString()).isNotBlank();
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("mainAccountId").asString()).isEqualTo("15300001");
        JsonNode agent = body.get("agentDetails").get(0);
        assertThat(agent.get("rcUserId").asLong()).isEqualTo(ALICE);
        assertThat(agent.get("accountId").asString()).isEqualTo("15300002");
        assertThat(agent.get("agentType").asString()).isEqualTo("AGENT");
        assertThat(agent.get("email").asString()).isEqualTo("alice@demo.example.com");
        assertThat(body.get("adminUrl").asString()).isEqualTo("/voice/admin/");
        assertThat(body.get("agentUrl").asString()).isEqualTo("/voice/agent/");
        assertThat(body.get("ssoLogin").isBoolean()).isTrue();
        assertThat(body.get("adminId").isIntegralNumber()).isTrue();

        String access = body.get("accessToken").asString();
        HttpResponse<String> accounts = client.get("/voice/api/v1/admin/accounts", access);
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(json(accounts).get(0).get("accountId").asString()).isEqualTo("15300002");

        String oldRefresh = body.get("refreshToken").asString();
        HttpResponse<String> refreshed = client.form("/api/auth/token/refresh", Map.of("refresh_token", oldRefresh),
                null, null);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode next = json(refreshed);
        assertThat(next.get("refreshToken").asString()).isNotEqualTo(oldRefresh);
        assertThat(next.get("accessToken").asString()).isNotEqualTo(access);
        assertThat(client.form("/api/auth/token/refresh", Map.of("refresh_token", oldRefresh), null, null)
                .statusCode()).isEqualTo(401);

        Thread.sleep(1100);
        HttpResponse<String> expired = client.get("/voice/api/v1/admin/accounts", access);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("Jwt is expired");
    }

    @Test
    void withoutIncludeRefreshNoRefreshToken() {
        HttpResponse<String> r = client.form("/api/auth/login/rc/accesstoken",
                Map.of("rcAccessToken", client.accessToken(ALICE), "rcTokenType", "Bearer"), null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).has("refreshToken")).isFalse();
    }

    @Test
    void invalidRcTokenOrAccountWithoutRingCxIsRefused() {
        assertThat(exchange("not-a-token").statusCode()).isEqualTo(401);
        Account other = simulator.admin().addAccount(new Account(0, "No CX Inc", null, List.of()));
        Extension carol = simulator.admin().addExtension(other.id(), new Extension(0, "201", "Carol", null, null,
                new Contact("Carol", "C", "carol@example.com", null), List.of()));
        HttpResponse<String> refused = exchange(client.accessToken(carol.id()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("message").asString()).contains("No RingCX account");
    }

    @Test
    void exchangeIsLimitedToFivePerMinute() {
        String rc = client.accessToken(ALICE);
        for (int i = 0; i < 5; i++) {
            assertThat(exchange(rc).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> sixth = exchange(rc);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    }
}
