package io.ringbridge.tenancy;

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

/** An app key of tenant A can neither see nor touch tenant B. */
@SharedGateways
@EveryDatabase
class TenantIsolationTest {

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp a;
    Fixtures.TestApp b;

    @BeforeEach
    void setUp() {
        api = Gateways.shared(database).api();
        a = Fixtures.newTenantWithApp(api);
        b = Fixtures.newTenantWithApp(api);
    }

    @Test
    void anotherTenantsAppIs404OnEveryRoute() {
        String path = "/v1/apps/" + b.appId();
        for (Response response : new Response[]{
                api.get(path, a.apiKey()),
                api.put(path, a.apiKey(), "{\"name\":\"hijacked\"}"),
                api.post(path + "/rotate-key", a.apiKey(), null),
                api.delete(path, a.apiKey())}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error()).isEqualTo("App not found");
        }
        assertThat(api.get("/v1/apps", b.apiKey()).status()).as("b's key still works").isEqualTo(200);
        assertThat(api.get(path, b.apiKey()).text("name")).doesNotContain("hijacked");
    }

    @Test
    void cannotRegisterIntoAnotherTenant() {
        Response response = api.post("/v1/apps/register", a.apiKey(),
                "{\"name\":\"Intruder\",\"tenantId\":\"" + b.tenantId() + "\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(api.get("/v1/apps", b.apiKey()).json().path("apps").size()).isEqualTo(1);
    }

    @Test
    void listShowsOnlyTheOwnTenant() {
        Response list = api.get("/v1/apps", a.apiKey());

        assertThat(list.json().path("apps").valueStream().map(app -> app.path("tenantId").asString()))
                .containsOnly(a.tenantId());
    }

    @Test
    void anAppKeyCannotFilterOtherTenantsIn() {
        Response list = api.get("/v1/apps?tenantId=" + b.tenantId(), a.apiKey());

        assertThat(list.json().path("apps").valueStream().map(app -> app.path("appId").asString()))
                .doesNotContain(b.appId());
    }
}
