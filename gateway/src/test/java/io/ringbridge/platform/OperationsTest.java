package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
    void theReferenceListsTheAppsApiFirstTheOperatorsAfterWithNamedSchemasAndTheSandboxRoutes() {
        JsonNode document = api.get("/openapi.json", null).json();

        List<String> chapters = new ArrayList<>();
        document.path("tags").forEach(tag -> chapters.add(tag.path("name").asString()));
        assertThat(chapters).startsWith("SMS", "RingCentral connection", "Apps").endsWith("Tenants", "Sandbox", "Health");
        assertThat(document.path("tags").get(chapters.indexOf("Tenants")).path("description").asString()).contains("operator");
        List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
        assertThat(paths.getFirst()).isEqualTo("/v1/sms/send");
        int lastOfApps = 0;
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).startsWith("/v1/") && !paths.get(i).startsWith("/v1/tenants")) {
                lastOfApps = i;
            }
        }
        assertThat(lastOfApps).as("every app route before the operator's: %s", paths)
                .isLessThan(paths.indexOf("/v1/tenants")).isLessThan(paths.indexOf("/v1/tenants/{tenantId}"));

        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.propertyNames()).contains("SendSmsRequest", "SendSmsAccepted", "ConnectLink",
                "CreateTenantRequest", "UpdateTenantRequest", "RegisterAppRequest", "UpdateAppRequest",
                "RingCentralAppRequest");
        assertThat(schemas.propertyNames()).as("no schema named only by its inner class")
                .doesNotContain("Send", "Accepted", "Create", "Update", "Register", "AppRequest", "ConnectUrl");
        JsonNode send = schemas.path("SendSmsRequest");
        assertThat(send.path("properties").propertyNames()).containsExactly("to", "from", "body", "userId");
        assertThat(texts(send.path("required"))).containsExactlyInAnyOrder("to", "from", "body");
        assertThat(document.path("paths").path("/v1/sms/send").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/SendSmsRequest");
        assertThat(schemas.path("ConnectLink").path("properties").propertyNames())
                .containsExactly("connectUrl", "url", "expiresAt");

        // The shared gateway runs in sandbox mode: the simulator's routes a user calls are listed, without a key.
        JsonNode inbound = document.path("paths").path("/sandbox/ringcentral/inbound").path("post");
        assertThat(inbound.path("tags").get(0).asString()).isEqualTo("Sandbox");
        assertThat(inbound.path("security").isArray() && inbound.path("security").isEmpty()).isTrue();
        assertThat(texts(inbound.path("requestBody").path("content").path("application/json").path("schema")
                .path("required"))).containsExactlyInAnyOrder("from", "to", "text");
        assertThat(document.path("paths").has("/sandbox/ringcentral/")).isTrue();
    }

    @Test
    void withTheOperatorsRingCentralTheReferenceListsNoSandboxRoutes() {
        JsonNode document = Gateways.withSimulator(database).api().get("/openapi.json", null).json();

        assertThat(document.path("paths").propertyNames()).noneMatch(path -> path.startsWith("/sandbox"));
        List<String> chapters = new ArrayList<>();
        document.path("tags").forEach(tag -> chapters.add(tag.path("name").asString()));
        assertThat(chapters).startsWith("SMS", "RingCentral connection", "Apps").endsWith("Tenants", "Health")
                .doesNotContain("Sandbox");
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

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }
}
