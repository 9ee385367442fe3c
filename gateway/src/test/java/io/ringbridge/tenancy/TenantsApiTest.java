package io.ringbridge.tenancy;

import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

/** docs/API.md "Tenants": every status code and error string of the tenant routes. */
@SharedGateways
@EveryDatabase
class TenantsApiTest {

    @Parameter
    Database database;

    Api api;

    @BeforeEach
    void setUp() {
        api = Gateways.shared(database).api();
    }

    @Test
    void createReturns201WithTheTenant() {
        Response created = api.post("/v1/tenants", ADMIN_KEY, "{\"name\":\"Acme\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("tenantId")).matches("tenant_[0-9a-f]{16}");
        assertThat(created.text("name")).isEqualTo("Acme");
        assertThat(created.text("status")).isEqualTo("active");
        assertThat(created.text("createdAt")).endsWith("Z");
    }

    @Test
    void nameMustBe1To100Characters() {
        for (String body : new String[]{"{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}",
                "{\"name\":\"" + "n".repeat(101) + "\"}", "{\"name\":42}", "{\"name\":[\"a\"]}"}) {
            Response response = api.post("/v1/tenants", ADMIN_KEY, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.error()).as(body).isEqualTo("name must be 1-100 characters");
        }
        assertThat(api.post("/v1/tenants", ADMIN_KEY, "{\"name\":\"" + "n".repeat(100) + "\"}").status()).isEqualTo(201);
    }

    @Test
    void createWithoutBodyIsANameError() {
        Response response = api.post("/v1/tenants", ADMIN_KEY, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("name must be 1-100 characters");
    }

    @Test
    void listAndGet() {
        String id = Fixtures.createTenant(api, "Listed");

        Response list = api.get("/v1/tenants", ADMIN_KEY);
        Response one = api.get("/v1/tenants/" + id, ADMIN_KEY);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("tenants").valueStream().map(t -> t.path("tenantId").asString())).contains(id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("name")).isEqualTo("Listed");
    }

    @Test
    void invalidTenantIdFormatIs400() {
        for (String id : new String[]{"nope", "tenant_123", "tenant_ZZZZZZZZZZZZZZZZ", "app_0123456789abcdef"}) {
            Response response = api.get("/v1/tenants/" + id, ADMIN_KEY);
            assertThat(response.status()).as(id).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Invalid tenantId format");
        }
        assertThat(api.patch("/v1/tenants/nope", ADMIN_KEY, "{\"status\":\"active\"}").error())
                .isEqualTo("Invalid tenantId format");
    }

    @Test
    void unknownTenantIs404() {
        Response get = api.get("/v1/tenants/tenant_0000000000000000", ADMIN_KEY);
        Response patch = api.patch("/v1/tenants/tenant_0000000000000000", ADMIN_KEY, "{\"name\":\"x\"}");

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.error()).isEqualTo("Tenant not found");
        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.error()).isEqualTo("Tenant not found");
    }

    @Test
    void patchChangesStatusAndName() {
        String id = Fixtures.createTenant(api, "Before");

        Response suspended = api.patch("/v1/tenants/" + id, ADMIN_KEY, "{\"status\":\"suspended\"}");
        Response renamed = api.patch("/v1/tenants/" + id, ADMIN_KEY, "{\"name\":\"After\",\"status\":\"inactive\"}");
        JsonNode stored = api.get("/v1/tenants/" + id, ADMIN_KEY).json();

        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("suspended");
        assertThat(suspended.text("name")).isEqualTo("Before");
        assertThat(renamed.text("status")).isEqualTo("inactive");
        assertThat(stored.path("name").asString()).isEqualTo("After");
        assertThat(stored.path("status").asString()).isEqualTo("inactive");
    }

    @Test
    void patchRejectsUnknownStatusAndBadName() {
        String id = Fixtures.createTenant(api, "Strict");

        Response status = api.patch("/v1/tenants/" + id, ADMIN_KEY, "{\"status\":\"deleted\"}");
        Response name = api.patch("/v1/tenants/" + id, ADMIN_KEY, "{\"name\":\"\"}");

        assertThat(status.status()).isEqualTo(400);
        assertThat(status.error()).isEqualTo("status must be one of active, suspended, inactive");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.error()).isEqualTo("name must be 1-100 characters");
        assertThat(api.get("/v1/tenants/" + id, ADMIN_KEY).text("status")).isEqualTo("active");
    }

    @Test
    void everyValidationErrorNamesItsFieldInParam() {
        String tenantId = api.post("/v1/tenants", ADMIN_KEY, "{\"name\":\"Params\"}").text("tenantId");
        // {method, path, body, error, param}
        String[][] cases = {
                {"POST", "/v1/tenants", null, "name must be 1-100 characters", "name"},
                {"POST", "/v1/tenants", "{\"name\":\"\"}", "name must be 1-100 characters", "name"},
                {"POST", "/v1/tenants", "{\"name\":{}}", "name must be 1-100 characters", "name"},
                {"GET", "/v1/tenants/acme", null, "Invalid tenantId format", "tenantId"},
                {"PATCH", "/v1/tenants/acme", "{\"status\":\"active\"}", "Invalid tenantId format", "tenantId"},
                {"PATCH", "/v1/tenants/" + tenantId, "{\"status\":\"paused\"}", "status must be one of active, suspended, inactive",
                        "status"},
                {"PATCH", "/v1/tenants/" + tenantId, "{\"status\":1}", "status must be one of active, suspended, inactive", "status"},
                {"PATCH", "/v1/tenants/" + tenantId, "{\"name\":\"" + "n".repeat(101) + "\"}", "name must be 1-100 characters",
                        "name"},
        };
        for (String[] c : cases) {
            Response response = api.send(c[0], c[1], ADMIN_KEY, c[2], java.util.Map.of());
            String what = c[0] + " " + c[1] + " " + c[2];
            assertThat(response.status()).as(what).isEqualTo(400);
            assertThat(response.error()).as(what).isEqualTo(c[3]);
            assertThat(response.text("param")).as(what).isEqualTo(c[4]);
        }
        assertThat(api.get("/v1/tenants/tenant_" + "0".repeat(16), ADMIN_KEY).json().has("param")).isFalse();
    }

    @Test
    void tenantRoutesNeedTheAdminKey() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);

        for (Response response : new Response[]{
                api.get("/v1/tenants", app.apiKey()),
                api.post("/v1/tenants", app.apiKey(), "{\"name\":\"x\"}"),
                api.get("/v1/tenants/" + app.tenantId(), app.apiKey()),
                api.patch("/v1/tenants/" + app.tenantId(), app.apiKey(), "{\"status\":\"active\"}")}) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.error()).isEqualTo("Admin API key required");
        }
    }
}
