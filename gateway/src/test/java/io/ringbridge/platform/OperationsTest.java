package io.ringbridge.platform;

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

/** Probes, metrics and API docs. */
@SharedGateways
@EveryDatabase
class OperationsTest {

    @Parameter
    Database database;

    Api api;

    @BeforeEach
    void setUp() {
        api = Gateways.shared(database).api();
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        for (String probe : new String[]{"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Response response = api.get(probe, null);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.text("status")).isEqualTo("UP");
        }
    }

    @Test
    void prometheusCountsRequestsByRouteAndStatusAuthFailuresAndRejections() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        api.get("/v1/apps/" + app.appId(), app.apiKey());
        api.get("/v1/apps", "sgw_" + "1".repeat(32));
        for (int i = 0; i < 101; i++) {
            api.get("/v1/apps", app.apiKey());
        }

        String metrics = api.get("/actuator/prometheus", null).body();

        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\",uri=\"/v1/apps/\\{appId}\"");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\",uri=\"/v1/apps\"");
        assertThat(metrics).containsPattern("ringbridge_auth_failures_total\\{[^}]*reason=\"unknown_key\"} [1-9]");
        assertThat(metrics).containsPattern("ringbridge_ratelimit_rejections_total\\{[^}]*limit=\"app\"} [1-9]");
    }

    @Test
    void openApiDocumentIsGeneratedFromTheCode() {
        Response response = api.get("/openapi.json", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("paths").propertyNames())
                .contains("/health", "/v1/tenants", "/v1/tenants/{tenantId}", "/v1/apps", "/v1/apps/register",
                        "/v1/apps/{appId}", "/v1/apps/{appId}/rotate-key");
        assertThat(document.path("components").path("securitySchemes").path("apiKey").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(response.body()).as("the authenticated caller is not a request parameter").doesNotContain("\"caller\"");
    }

    @Test
    void docsRenderTheReference() {
        Response redirect = api.get("/docs", null);
        assertThat(redirect.status()).isEqualTo(302);

        Response page = api.get(redirect.header("Location"), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
    }
}
