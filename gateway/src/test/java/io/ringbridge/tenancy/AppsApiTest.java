package io.ringbridge.tenancy;

import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

/** docs/API.md "Apps and API keys" (without test-webhook and secret rotation): every status code and error string. */
@SharedGateways
@EveryDatabase
class AppsApiTest {

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;

    @BeforeEach
    void setUp() {
        api = Gateways.shared(database).api();
        app = Fixtures.newTenantWithApp(api);
    }

    @Test
    void registerWithAnAppKeyCreatesTheAppInTheCallersTenant() {
        Response registered = api.post("/v1/apps/register", app.apiKey(),
                "{\"name\":\"Second\",\"webhookUrl\":\"https://example.com/hook\"}");

        assertThat(registered.status()).isEqualTo(201);
        JsonNode body = registered.json();
        assertThat(body.path("appId").asString()).matches("app_[0-9a-f]{16}");
        assertThat(body.path("name").asString()).isEqualTo("Second");
        assertThat(body.path("apiKey").asString()).matches("sgw_[0-9a-f]{32}");
        assertThat(body.path("apiKeyPrefix").asString()).isEqualTo(body.path("apiKey").asString().substring(0, 8));
        assertThat(body.path("role").asString()).isEqualTo("app");
        assertThat(body.path("tenantId").asString()).isEqualTo(app.tenantId());
        assertThat(body.path("webhookSecret").asString()).matches("whsec_[0-9a-f]{64}");
        assertThat(api.get("/v1/apps", body.path("apiKey").asString()).status()).isEqualTo(200);
    }

    @Test
    void registerWithAnAppKeyMayNameItsOwnTenant() {
        Response registered = api.post("/v1/apps/register", app.apiKey(),
                "{\"name\":\"Own\",\"tenantId\":\"" + app.tenantId() + "\"}");

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("tenantId")).isEqualTo(app.tenantId());
    }

    @Test
    void everyValidationErrorNamesItsFieldInParam() {
        Fixtures.TestApp suspended = Fixtures.newTenantWithApp(api);
        assertThat(api.patch("/v1/tenants/" + suspended.tenantId(), ADMIN_KEY, "{\"status\":\"suspended\"}").status())
                .isEqualTo(200);
        String unknownTenant = "tenant_" + "0".repeat(16);
        // {key, method, path, body, error, param}
        String[][] cases = {
                {app.apiKey(), "POST", "/v1/apps/register", "{}", "name must be 1-100 characters", "name"},
                {app.apiKey(), "POST", "/v1/apps/register", "{\"name\":\" \"}", "name must be 1-100 characters", "name"},
                {app.apiKey(), "POST", "/v1/apps/register", "{\"name\":42}", "name must be 1-100 characters", "name"},
                {app.apiKey(), "POST", "/v1/apps/register", "{\"name\":\"" + "n".repeat(101) + "\"}",
                        "name must be 1-100 characters", "name"},
                {ADMIN_KEY, "POST", "/v1/apps/register", "{\"name\":\"x\"}", "tenantId is required when registering new apps",
                        "tenantId"},
                {ADMIN_KEY, "POST", "/v1/apps/register", "{\"name\":\"x\",\"tenantId\":\"acme\"}", "Invalid tenantId format",
                        "tenantId"},
                {ADMIN_KEY, "POST", "/v1/apps/register", "{\"name\":\"x\",\"tenantId\":7}", "Invalid tenantId format", "tenantId"},
                {ADMIN_KEY, "POST", "/v1/apps/register", "{\"name\":\"x\",\"tenantId\":\"" + unknownTenant + "\"}",
                        "Tenant not found or not active", "tenantId"},
                {ADMIN_KEY, "POST", "/v1/apps/register", "{\"name\":\"x\",\"tenantId\":\"" + suspended.tenantId() + "\"}",
                        "Tenant not found or not active", "tenantId"},
                {app.apiKey(), "POST", "/v1/apps/register", "{\"name\":\"x\",\"webhookUrl\":\"ftp://example.com\"}",
                        "Invalid webhookUrl: must be https:// in production, max 2000 chars", "webhookUrl"},
                {app.apiKey(), "POST", "/v1/apps/register", "{\"name\":\"x\",\"webhookUrl\":true}",
                        "Invalid webhookUrl: must be https:// in production, max 2000 chars", "webhookUrl"},
                {app.apiKey(), "PUT", "/v1/apps/" + app.appId(), "{\"name\":\"\"}", "name must be 1-100 characters", "name"},
                {app.apiKey(), "PUT", "/v1/apps/" + app.appId(), "{\"name\":[]}", "name must be 1-100 characters", "name"},
                {app.apiKey(), "PUT", "/v1/apps/" + app.appId(), "{\"webhookUrl\":\"not a url\"}",
                        "Invalid webhookUrl: must be https:// in production, max 2000 chars", "webhookUrl"},
                {app.apiKey(), "GET", "/v1/apps/app_nope", null, "Invalid appId format", "appId"},
                {app.apiKey(), "DELETE", "/v1/apps/app_nope", null, "Invalid appId format", "appId"},
                {app.apiKey(), "POST", "/v1/apps/app_nope/rotate-key", null, "Invalid appId format", "appId"},
                {ADMIN_KEY, "GET", "/v1/apps?tenantId=acme", null, "Invalid tenantId format", "tenantId"},
        };
        for (String[] c : cases) {
            Response response = api.send(c[1], c[2], c[0], c[3], java.util.Map.of());
            String what = c[1] + " " + c[2] + " " + c[3];
            assertThat(response.status()).as(what).isEqualTo(400);
            assertThat(response.error()).as(what).isEqualTo(c[4]);
            assertThat(response.text("param")).as(what).isEqualTo(c[5]);
            assertThat(response.json().propertyNames()).as(what).containsExactly("error", "code", "param", "requestId");
        }
        assertThat(api.get("/v1/apps/app_" + "0".repeat(16), app.apiKey()).json().has("param"))
                .as("a 404 names no field").isFalse();
    }

    @Test
    void adminMustNameTheTenant() {
        Response response = api.post("/v1/apps/register", ADMIN_KEY, "{\"name\":\"No tenant\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("tenantId is required when registering new apps");
    }

    @Test
    void invalidTenantIdFormatIs400() {
        for (String key : List.of(ADMIN_KEY, app.apiKey())) {
            Response response = api.post("/v1/apps/register", key, "{\"name\":\"x\",\"tenantId\":\"acme\"}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Invalid tenantId format");
        }
        Response number = api.post("/v1/apps/register", ADMIN_KEY, "{\"name\":\"x\",\"tenantId\":7}");
        assertThat(number.error()).isEqualTo("Invalid tenantId format");
    }

    @Test
    void unknownOrInactiveTenantIs400() {
        String suspended = Fixtures.createTenant(api, "Suspended");
        api.patch("/v1/tenants/" + suspended, ADMIN_KEY, "{\"status\":\"suspended\"}");

        for (String tenantId : List.of("tenant_0000000000000000", suspended)) {
            Response response = api.post("/v1/apps/register", ADMIN_KEY,
                    "{\"name\":\"x\",\"tenantId\":\"" + tenantId + "\"}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Tenant not found or not active");
        }
    }

    @Test
    void nameMustBe1To100Characters() {
        for (String body : new String[]{"{}", "{\"name\":\"\"}", "{\"name\":\"" + "a".repeat(101) + "\"}",
                "{\"name\":true}"}) {
            Response response = api.post("/v1/apps/register", app.apiKey(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.error()).as(body).isEqualTo("name must be 1-100 characters");
        }
    }

    @Test
    void webhookUrlMustBeAnHttpUrlOfAtMost2000Characters() {
        String tooLong = "https://example.com/" + "p".repeat(1981);
        for (String url : new String[]{"\"ftp://example.com/x\"", "\"not a url\"", "\"/relative\"", "\"\"",
                "\"https://user:pw@example.com/x\"", "\"" + tooLong + "\"", "12"}) {
            Response response = api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"x\",\"webhookUrl\":" + url + "}");
            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(response.error()).as(url)
                    .isEqualTo("Invalid webhookUrl: must be https:// in production, max 2000 chars");
        }
        String justFits = "https://example.com/" + "p".repeat(1980);
        assertThat(api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"x\",\"webhookUrl\":\"" + justFits + "\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void listShowsTheTenantsAppsWithoutSecrets() {
        Response second = api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"Second\"}");

        Response list = api.get("/v1/apps", app.apiKey());

        assertThat(list.status()).isEqualTo(200);
        List<JsonNode> apps = list.json().path("apps").valueStream().toList();
        assertThat(apps).extracting(a -> a.path("appId").asString())
                .containsExactly(app.appId(), second.text("appId"));
        JsonNode first = apps.getFirst();
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("appId", "tenantId", "name", "apiKeyPrefix",
                "webhookUrl", "status", "createdAt", "updatedAt", "lastUsedAt");
        assertThat(first.path("status").asString()).isEqualTo("active");
        assertThat(list.body()).doesNotContain(app.apiKey(), app.webhookSecret(), second.text("apiKey"));
    }

    @Test
    void adminListsEveryTenantOrOneTenant() {
        Fixtures.TestApp other = Fixtures.newTenantWithApp(api);

        Response all = api.get("/v1/apps", ADMIN_KEY);
        Response one = api.get("/v1/apps?tenantId=" + other.tenantId(), ADMIN_KEY);

        assertThat(all.json().path("apps").valueStream().map(a -> a.path("appId").asString()))
                .contains(app.appId(), other.appId());
        assertThat(one.json().path("apps").valueStream().map(a -> a.path("appId").asString()))
                .containsExactly(other.appId());
    }

    @Test
    void getShowsOneApp() {
        Response response = api.get("/v1/apps/" + app.appId(), app.apiKey());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("appId")).isEqualTo(app.appId());
        assertThat(response.text("tenantId")).isEqualTo(app.tenantId());
        assertThat(response.text("apiKeyPrefix")).isEqualTo(app.apiKey().substring(0, 8));
    }

    @Test
    void invalidAppIdFormatIs400OnEveryRoute() {
        for (Response response : new Response[]{
                api.get("/v1/apps/app_xyz", app.apiKey()),
                api.put("/v1/apps/app_xyz", app.apiKey(), "{\"name\":\"x\"}"),
                api.delete("/v1/apps/app_xyz", app.apiKey()),
                api.post("/v1/apps/app_xyz/rotate-key", app.apiKey(), null)}) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Invalid appId format");
        }
    }

    @Test
    void unknownAppIs404() {
        Response response = api.get("/v1/apps/app_0000000000000000", app.apiKey());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("App not found");
    }

    @Test
    void putRenamesAndSetsOrClearsTheWebhook() {
        String path = "/v1/apps/" + app.appId();

        Response renamed = api.put(path, app.apiKey(), "{\"name\":\"Renamed\",\"webhookUrl\":\"https://example.com/h\"}");
        Response untouched = api.put(path, app.apiKey(), "{}");
        Response cleared = api.put(path, app.apiKey(), "{\"webhookUrl\":null}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Renamed");
        assertThat(renamed.text("webhookUrl")).isEqualTo("https://example.com/h");
        assertThat(untouched.text("webhookUrl")).isEqualTo("https://example.com/h");
        assertThat(cleared.json().path("webhookUrl").isNull()).isTrue();
        assertThat(cleared.text("name")).isEqualTo("Renamed");
        assertThat(api.get(path, app.apiKey()).json().path("webhookUrl").isNull()).isTrue();
    }

    @Test
    void putValidatesLikeRegister() {
        String path = "/v1/apps/" + app.appId();

        assertThat(api.put(path, app.apiKey(), "{\"name\":\"\"}").error()).isEqualTo("name must be 1-100 characters");
        assertThat(api.put(path, app.apiKey(), "{\"name\":5}").error()).isEqualTo("name must be 1-100 characters");
        assertThat(api.put(path, app.apiKey(), "{\"webhookUrl\":\"gopher://x\"}").error())
                .isEqualTo("Invalid webhookUrl: must be https:// in production, max 2000 chars");
        assertThat(api.put(path, app.apiKey(), "{\"name\":").error()).isEqualTo("Invalid JSON body");
    }

    @Test
    void deleteRevokesTheKeyAtOnce() {
        Response second = api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"Doomed\"}");
        String doomedKey = second.text("apiKey");

        Response deleted = api.delete("/v1/apps/" + second.text("appId"), app.apiKey());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"ok\":true}");
        Response afterwards = api.get("/v1/apps", doomedKey);
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.error()).isEqualTo("Invalid API key");
        assertThat(api.get("/v1/apps/" + second.text("appId"), app.apiKey()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/apps/" + second.text("appId"), app.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void rotateKeyReplacesTheKeyAtOnce() {
        Response rotated = api.post("/v1/apps/" + app.appId() + "/rotate-key", app.apiKey(), null);

        assertThat(rotated.status()).isEqualTo(200);
        String newKey = rotated.text("apiKey");
        assertThat(newKey).matches("sgw_[0-9a-f]{32}").isNotEqualTo(app.apiKey());
        assertThat(rotated.text("apiKeyPrefix")).isEqualTo(newKey.substring(0, 8));
        Response old = api.get("/v1/apps", app.apiKey());
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.error()).isEqualTo("Invalid API key");
        assertThat(api.get("/v1/apps", newKey).status()).isEqualTo(200);
        assertThat(api.get("/v1/apps/" + app.appId(), newKey).text("apiKeyPrefix")).isEqualTo(newKey.substring(0, 8));
    }

    @Test
    void adminManagesAnyTenantsApp() {
        Response renamed = api.put("/v1/apps/" + app.appId(), ADMIN_KEY, "{\"name\":\"By admin\"}");
        Response rotated = api.post("/v1/apps/" + app.appId() + "/rotate-key", ADMIN_KEY, null);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(api.get("/v1/apps", rotated.text("apiKey")).status()).isEqualTo(200);
    }
}
