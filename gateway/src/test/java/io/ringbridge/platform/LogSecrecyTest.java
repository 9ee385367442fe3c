package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.LogCapture;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/** Logs carry the request id, and no secret ever reaches a log line. */
@SharedGateways
@EveryDatabase
class LogSecrecyTest {

    @Parameter
    Database database;

    @Test
    void linesLoggedWhileServingARequestCarryItsId() {
        Api api = Gateways.shared(database).api();
        String id = UUID.randomUUID().toString();

        api.send("GET", "/v1/apps", null, null, Map.of("X-Request-Id", id));

        assertThat(LogCapture.lines()).anyMatch(line -> line.startsWith("[" + id + "]") && line.contains("/v1/apps"));
    }

    @Test
    void noKeyOrSecretReachesTheLogs() {
        Api api = Gateways.shared(database).api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        Response second = api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"Logged?\"}");
        Response rotated = api.post("/v1/apps/" + app.appId() + "/rotate-key", app.apiKey(), null);
        String guessed = "sgw_" + "9".repeat(32);
        // Secrets in every place a careless log line could pick them up: headers, query string, bodies, errors.
        api.get("/v1/apps", guessed);
        api.get("/v1/apps?tenantId=" + rotated.text("apiKey"), rotated.text("apiKey"));
        api.post("/v1/apps/register", rotated.text("apiKey"), "{\"name\":\"" + second.text("webhookSecret") + "\"");
        api.post("/v1/apps/register", rotated.text("apiKey"), "{\"name\":\"" + "x".repeat(200) + second.text("apiKey") + "\"}");
        api.get("/v1/nowhere?key=" + app.apiKey(), null);

        List<String> lines = LogCapture.lines();

        assertThat(lines).isNotEmpty();
        for (String secret : List.of(app.apiKey(), app.webhookSecret(), second.text("apiKey"),
                second.text("webhookSecret"), rotated.text("apiKey"), guessed, TestGateway.ADMIN_KEY)) {
            assertThat(lines).noneMatch(line -> line.contains(secret.substring(4)));
        }
    }
}
