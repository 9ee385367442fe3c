package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.directory.Directory;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HTTP admin API: directory changes, settings, counters, reset, admin key. */
class AdminApiTest {
    RingCentralSimulator simulator;
    SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.defaults());
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void directoryCanBeReadAndExtended() {
        JsonNode directory = json(client.get("/admin/directory", null));
        assertThat(directory.get("accounts").get(0).get("extensions")).hasSize(2);
        HttpResponse<String> ext = client.postJson("/admin/accounts/400000001/extensions", null,
                "{\"extensionNumber\":\"103\",\"name\":\"Cleo Carter\",\"contact\":{\"email\":\"cleo@example.com\"},"
                        + "\"phoneNumbers\":[{\"phoneNumber\":\"+16505550199\",\"features\":[\"SmsSender\"]}]}");
        assertThat(ext.statusCode()).as(ext.body()).isEqualTo(201);
        long cleo = json(ext).get("id").asLong();
        assertThat(cleo).isPositive();
        assertThat(json(ext).get("phoneNumbers").get(0).get("id").asLong()).isPositive();
        HttpResponse<String> number = client.postJson("/admin/extensions/" + cleo + "/phone-numbers", null,
                "{\"phoneNumber\":\"+16505550198\",\"features\":[\"SmsSender\",\"CallerId\"]}");
        assertThat(number.statusCode()).isEqualTo(201);
        String token = client.accessToken(cleo);
        assertThat(json(client.get("/restapi/v1.0/account/~/extension/~/phone-number", token)).get("records"))
                .hasSize(2);
        HttpResponse<String> app = client.postJson("/admin/apps", null, "{\"clientId\":\"gw\",\"clientSecret\":\"s\","
                + "\"redirectUris\":[\"http://gw/cb\"],\"permissions\":[\"SMS\"]}");
        assertThat(app.statusCode()).isEqualTo(201);
        assertThat(simulator.admin().directory().apps()).anyMatch(a -> a.clientId().equals("gw"));
        HttpResponse<String> duplicate = client.postJson("/admin/accounts/400000001/extensions", null,
                "{\"extensionNumber\":\"104\",\"name\":\"Dup\",\"phoneNumbers\":[{\"phoneNumber\":\"+16505550199\"}]}");
        assertThat(duplicate.statusCode()).isEqualTo(400);
    }

    @Test
    void directoryCanBeReplaced() {
        String demo = client.get("/admin/directory", null).body();
        Directory parsed = Directory.fromJson(new java.io.ByteArrayInputStream(demo.getBytes()));
        assertThat(parsed.accounts()).hasSize(1);
        assertThat(client.putJson("/admin/directory", null, "{\"accounts\":[],\"apps\":[]}").statusCode())
                .isEqualTo(200);
        assertThat(simulator.admin().directory().accounts()).isEmpty();
        assertThat(client.putJson("/admin/directory", null, demo).statusCode()).isEqualTo(200);
        assertThat(simulator.admin().directory().accounts()).hasSize(1);
    }

    @Test
    void settingsCanBeChanged() {
        HttpResponse<String> limits = client.putJson("/admin/rate-limits", null,
                "{\"enabled\":true,\"groups\":{\"Light\":{\"limit\":7,\"windowMs\":5000,\"penaltyMs\":1000}}}");
        assertThat(limits.statusCode()).isEqualTo(200);
        assertThat(json(limits).get("groups").get("Light").get("limit").asInt()).isEqualTo(7);
        assertThat(client.putJson("/admin/oauth", null, "{\"accessTokenMs\":2000,\"refreshTokenMs\":4000}")
                .statusCode()).isEqualTo(200);
        assertThat(client.login(ALICE).get("expires_in").asInt()).isEqualTo(2);
        assertThat(client.putJson("/admin/delivery", null, "{\"sentAfterMs\":10,\"finalAfterMs\":20,\"rules\":"
                + "[{\"toPattern\":\"\\\\+1999.*\",\"outcome\":\"DELIVERY_FAILED\",\"errorCode\":\"SMS-CAR-413\"}]}")
                .statusCode()).isEqualTo(200);
        assertThat(simulator.admin().delivery().rules()).singleElement()
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("SMS-CAR-413"));
        assertThat(client.putJson("/admin/subscription-settings", null, "{\"blacklistAfterMs\":1234}").statusCode())
                .isEqualTo(200);
        assertThat(simulator.admin().subscriptionSettings().blacklistAfter().toMillis()).isEqualTo(1234);
        JsonNode settings = json(client.get("/admin/settings", null));
        assertThat(settings.get("oauth").get("accessTokenMs").asLong()).isEqualTo(2000);
        assertThat(settings.get("rateLimits").get("groups").get("Medium").get("limit").asInt()).isEqualTo(40);
        assertThat(client.putJson("/admin/rate-limits", null, "{\"groups\":{\"Nope\":{}}}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void countersAndResetAndSessions() {
        JsonNode login = client.login(ALICE);
        client.refresh(login.get("refresh_token").asString());
        JsonNode counters = json(client.get("/admin/counters", null));
        assertThat(counters.get("tokenRequests").get("authorization_code").asLong()).isEqualTo(1);
        assertThat(counters.get("tokenRequests").get("refresh_token").asLong()).isEqualTo(1);
        JsonNode sessions = json(client.get("/admin/sessions", null));
        assertThat(sessions).hasSize(1);
        String sessionId = sessions.get(0).get("sessionId").asString();
        assertThat(client.postJson("/admin/sessions/" + sessionId + "/revoke", null, "").statusCode()).isEqualTo(204);
        assertThat(client.postJson("/admin/reset", null, "").statusCode()).isEqualTo(204);
        assertThat(json(client.get("/admin/counters", null)).get("tokenRequests")).isEmpty();
        assertThat(json(client.get("/admin/messages", null))).isEmpty();
    }

    @Test
    void adminKeyProtectsTheAdminApi() {
        try (RingCentralSimulator locked = RingCentralSimulator.start(SimulatorConfig.builder().adminKey("k1").build())) {
            SimulatorClient c = new SimulatorClient(locked);
            assertThat(c.get("/admin/counters", null).statusCode()).isEqualTo(401);
            HttpResponse<String> ok = c.send(c.request("/admin/counters").header("X-Admin-Key", "k1").GET());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(c.authorizePage(Map.of("response_type", "code", "client_id", SimulatorClient.CLIENT_ID))
                    .statusCode()).isEqualTo(200);
        }
    }
}
