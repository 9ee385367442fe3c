package io.ringbridge.tenancy;

import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/** docs/API.md "Conventions": the authentication errors, roles and tenant status. */
@SharedGateways
@EveryDatabase
class AuthenticationTest {

    @Parameter
    Database database;

    TestGateway gateway;
    Api api;
    Fixtures.TestApp app;

    @BeforeEach
    void setUp() {
        gateway = Gateways.shared(database);
        api = gateway.api();
        app = Fixtures.newTenantWithApp(api);
    }

    @Test
    void missingOrNonBearerAuthorizationIs401MissingOrInvalid() {
        for (Map<String, String> headers : new Map[]{Map.of(), Map.of("Authorization", "Basic dXNlcjpwdw=="),
                Map.of("Authorization", "Bearer"), Map.of("Authorization", "Bearer "),
                Map.of("Authorization", "bearer " + app.apiKey()), Map.of("Authorization", app.apiKey())}) {
            Response response = api.send("GET", "/v1/apps", null, null, headers);
            assertThat(response.status()).as(headers.toString()).isEqualTo(401);
            assertThat(response.error()).isEqualTo("Missing or invalid API key");
        }
    }

    @Test
    void malformedKeyIs401MissingOrInvalid() {
        Response response = api.get("/v1/apps", "sgw_short");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("Missing or invalid API key");
    }

    @Test
    void wellFormedUnknownKeyIs401Invalid() {
        Response response = api.get("/v1/apps", "sgw_" + "0".repeat(32));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("Invalid API key");
        assertThat(response.text("code")).isEqualTo("invalid_api_key");
    }

    @Test
    void appKeyOnAdminRouteIs403() {
        Response response = api.get("/v1/tenants", app.apiKey());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("Admin API key required");
    }

    @Test
    void adminKeyReachesAdminRoutes() {
        assertThat(api.get("/v1/tenants", ADMIN_KEY).status()).isEqualTo(200);
    }

    @Test
    void suspendedOrInactiveTenantGets403OnEveryTenantCall() {
        for (String status : new String[]{"suspended", "inactive"}) {
            api.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"" + status + "\"}");

            for (Response response : new Response[]{
                    api.get("/v1/apps", app.apiKey()),
                    api.get("/v1/apps/" + app.appId(), app.apiKey()),
                    api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"x\"}"),
                    api.put("/v1/apps/" + app.appId(), app.apiKey(), "{\"name\":\"x\"}"),
                    api.post("/v1/apps/" + app.appId() + "/rotate-key", app.apiKey(), null),
                    api.delete("/v1/apps/" + app.appId(), app.apiKey())}) {
                assertThat(response.status()).as(status).isEqualTo(403);
                assertThat(response.error()).isEqualTo("Tenant suspended or inactive");
            }
        }
        api.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"active\"}");
        assertThat(api.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void lastUsedAtIsWrittenAtMostOnceAMinute() {
        api.get("/v1/apps", app.apiKey());
        Instant first = lastUsedAt();
        api.get("/v1/apps", app.apiKey());
        api.get("/v1/apps", app.apiKey());

        assertThat(first).isNotNull();
        assertThat(lastUsedAt()).isEqualTo(first);

        // Pretend the last write was just over a minute ago: once the gateway's kept answer for the key is no
        // longer fresh (it did not make this change, so it cannot know), the next request writes again.
        Instant aMinuteAgo = Instant.now().minus(Duration.ofSeconds(61));
        gateway.jdbc().sql("UPDATE app SET last_used_at = :t WHERE id = :id")
                .param("t", io.ringbridge.platform.db.Timestamps.toDb(aMinuteAgo)).param("id", app.appId()).update();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            api.get("/v1/apps", app.apiKey());
            assertThat(lastUsedAt()).isAfter(aMinuteAgo.plusSeconds(30));
        });
    }

    private Instant lastUsedAt() {
        String value = api.get("/v1/apps/" + app.appId(), ADMIN_KEY).text("lastUsedAt");
        return value == null || value.isEmpty() ? null : Instant.parse(value);
    }
}
