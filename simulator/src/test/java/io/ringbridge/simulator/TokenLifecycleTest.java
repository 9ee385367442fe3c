package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.BOB;
import static io.ringbridge.simulator.SimulatorClient.CLIENT_ID;
import static io.ringbridge.simulator.SimulatorClient.errorCode;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Refresh rotation and its grace windows, expiry, revocation and the session cap. */
class TokenLifecycleTest {
    static final String ME = "/restapi/v1.0/account/~/extension/~";
    RingCentralSimulator simulator;
    SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false)
                .refreshGrace(Duration.ofSeconds(1), Duration.ofSeconds(3)).build());
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void refreshRotatesAndKillsTheOldAccessTokenAtOnce() {
        JsonNode first = client.login(ALICE);
        String oldAccess = first.get("access_token").asString();
        assertThat(client.get(ME, oldAccess).statusCode()).isEqualTo(200);

        HttpResponse<String> refreshed = client.refresh(first.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode second = json(refreshed);
        assertThat(second.get("access_token").asString()).isNotEqualTo(oldAccess);
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(second.get("session_id").asString()).isEqualTo(first.get("session_id").asString());

        HttpResponse<String> old = client.get(ME, oldAccess);
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(errorCode(old)).isEqualTo("OAU-129");
        assertThat(client.get(ME, second.get("access_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void oldRefreshTokenReturnsTheSamePairWithinGraceThenDiesAfterTheNewTokenIsUsed() throws Exception {
        JsonNode first = client.login(ALICE);
        String oldRefresh = first.get("refresh_token").asString();
        JsonNode second = json(client.refresh(oldRefresh));

        // new access token not used yet: the old refresh token replays the same pair
        JsonNode replay = json(client.refresh(oldRefresh));
        assertThat(replay.get("access_token").asString()).isEqualTo(second.get("access_token").asString());
        assertThat(replay.get("refresh_token").asString()).isEqualTo(second.get("refresh_token").asString());

        // use the new access token: the old refresh token lives ~graceAfterUse (1 s here) longer
        assertThat(client.get(ME, second.get("access_token").asString()).statusCode()).isEqualTo(200);
        JsonNode stillSame = json(client.refresh(oldRefresh));
        assertThat(stillSame.get("access_token").asString()).isEqualTo(second.get("access_token").asString());
        Thread.sleep(1300);
        HttpResponse<String> dead = client.refresh(oldRefresh);
        assertThat(dead.statusCode()).isEqualTo(400);
        assertThat(json(dead).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(errorCode(dead)).isEqualTo("OAU-213");

        // the current refresh token still works
        assertThat(client.refresh(second.get("refresh_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void unusedNewTokenKeepsTheOldRefreshTokenAliveForTheLongGraceOnly() throws Exception {
        JsonNode first = client.login(ALICE);
        String oldRefresh = first.get("refresh_token").asString();
        JsonNode second = json(client.refresh(oldRefresh));
        Thread.sleep(1500);
        assertThat(json(client.refresh(oldRefresh)).get("access_token").asString())
                .isEqualTo(second.get("access_token").asString());
        Thread.sleep(1800);
        assertThat(errorCode(client.refresh(oldRefresh))).isEqualTo("OAU-213");
        // after the grace the old access token is "not found" rather than "corrupted"
        assertThat(errorCode(client.get(ME, first.get("access_token").asString()))).isEqualTo("OAU-213");
    }

    @Test
    void accessAndRefreshTokensExpire() throws Exception {
        simulator.admin().tokenLifetimes(Duration.ofSeconds(1), Duration.ofSeconds(2));
        JsonNode info = client.login(ALICE);
        assertThat(info.get("expires_in").asInt()).isEqualTo(1);
        Thread.sleep(1100);
        HttpResponse<String> expired = client.get(ME, info.get("access_token").asString());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(errorCode(expired)).isEqualTo("OAU-128");
        Thread.sleep(1000);
        HttpResponse<String> refresh = client.refresh(info.get("refresh_token").asString());
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).isEqualTo("{\"error\":\"invalid_grant\",\"errors\":[{\"errorCode\":\"OAU-210\","
                + "\"message\":\"Token expired\"}],\"error_description\":\"Token expired\"}");
    }

    @Test
    void revokeEndsTheWholeSession() {
        JsonNode first = client.login(ALICE);
        JsonNode second = json(client.refresh(first.get("refresh_token").asString()));
        HttpResponse<String> revoke = client.form("/restapi/oauth/revoke",
                Map.of("token", second.get("access_token").asString()), CLIENT_ID, SimulatorClient.CLIENT_SECRET);
        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(client.get(ME, second.get("access_token").asString()).statusCode()).isEqualTo(401);
        HttpResponse<String> refresh = client.refresh(second.get("refresh_token").asString());
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(errorCode(refresh)).isEqualTo("OAU-211");
        assertThat(errorCode(client.refresh(first.get("refresh_token").asString()))).isEqualTo("OAU-211");
    }

    @Test
    void revokeNeedsClientAuthentication() {
        JsonNode info = client.login(ALICE);
        HttpResponse<String> r = client.form("/restapi/oauth/revoke",
                Map.of("token", info.get("access_token").asString()), null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(errorCode(r)).isEqualTo("OAU-123");
        assertThat(client.get(ME, info.get("access_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void sixthSessionEndsTheOldest() {
        List<JsonNode> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(client.login(ALICE));
        }
        String bobToken = client.accessToken(BOB);
        assertThat(simulator.admin().activeSessions(ALICE, CLIENT_ID)).isEqualTo(5);
        JsonNode sixth = client.login(ALICE);
        assertThat(simulator.admin().activeSessions(ALICE, CLIENT_ID)).isEqualTo(5);

        assertThat(client.get(ME, sessions.getFirst().get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(client.refresh(sessions.getFirst().get("refresh_token").asString()).statusCode()).isEqualTo(400);
        for (JsonNode alive : sessions.subList(1, 5)) {
            assertThat(client.get(ME, alive.get("access_token").asString()).statusCode()).isEqualTo(200);
        }
        assertThat(client.get(ME, sixth.get("access_token").asString()).statusCode()).isEqualTo(200);
        assertThat(client.get(ME, bobToken).statusCode()).isEqualTo(200);
    }

    @Test
    void adminRevokesASession() {
        JsonNode info = client.login(ALICE);
        assertThat(simulator.admin().revokeSession(info.get("session_id").asString())).isTrue();
        assertThat(client.get(ME, info.get("access_token").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    void apiAuthenticationErrors() {
        HttpResponse<String> none = client.get(ME, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(errorCode(none)).isEqualTo("CMN-405");
        HttpResponse<String> garbage = client.get(ME, "garbage");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(errorCode(garbage)).isEqualTo("OAU-129");
        HttpResponse<String> basic = client.send(client.request(ME).header("Authorization", "Basic abc").GET());
        assertThat(errorCode(basic)).isEqualTo("OAU-134");
    }

    @Test
    void refreshCountsAsOneTokenRequest() {
        JsonNode info = client.login(ALICE);
        long before = simulator.admin().tokenRequests("refresh_token");
        client.refresh(info.get("refresh_token").asString());
        assertThat(simulator.admin().tokenRequests("refresh_token")).isEqualTo(before + 1);
        assertThat(simulator.admin().counters().tokenRequests("refresh_token")).isEqualTo(before + 1);
    }
}
