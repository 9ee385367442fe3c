package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.connection.OperatorRingCentral;
import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;
import io.ringbridge.testsupport.World;

/**
 * docs/API.md "The front door": {@code GET /} and {@code /v1} answer a browser with a page about this gateway, and an
 * API client with the JSON 404 of any unknown route.
 */
@SharedGateways
@EveryDatabase
class FrontDoorTest {

    /** What Chromium sends when a person opens an address. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    @Parameter
    Database database;

    @Test
    void aBrowserGetsThePageWithSandboxLinksAndQuickstart() {
        TestGateway gateway = Gateways.shared(database); // no RingCentral app configured: sandbox mode
        String publicUrl = "http://localhost:" + gateway.baseUri().getPort();
        for (String path : List.of("/", "/v1")) {
            Response page = gateway.api().send("GET", path, null, null, Map.of("Accept", BROWSER_ACCEPT));

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("<title>RingBridge SMS gateway</title>")
                    .contains("id=\"sandbox\">SANDBOX: RingCentral is simulated by this gateway")
                    .contains("Simulated at <a href=\"" + publicUrl + "/sandbox/ringcentral/\">")
                    .contains("<dd id=\"api\">" + publicUrl + "/v1</dd>")
                    .contains("<a id=\"docs\" href=\"/docs\">", "<a id=\"health\" href=\"/health\">",
                            "<a id=\"quickstart-link\" href=\"#quickstart\">", "id=\"quickstart\"")
                    .contains("curl -s -X POST " + publicUrl + "/v1/rc/connect-token");
            assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'")
                    .contains("frame-ancestors 'none'").contains("form-action 'none'").doesNotContain("script-src");
            assertThat(page.header("X-Request-Id")).isNotBlank();
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Vary")).contains("Accept");
        }
    }

    @Test
    void theHostARequestClaimsIsNeverOnThePage() {
        TestGateway gateway = Gateways.shared(database);
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "text/html", "X-Forwarded-Host", "evil.example"));

        Response page = gateway.api().send("GET", "/", null, null, headers);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("evil.example").contains("http://localhost:" + gateway.baseUri().getPort());
    }

    @Test
    void apiClientsGetTheJson404() {
        TestGateway gateway = Gateways.shared(database);
        // (An Accept that excludes JSON altogether is 406, as on every route: docs/API.md "Conventions".)
        java.util.Arrays.asList(null, "application/json", "*/*", "application/json, text/plain, */*",
                "application/json, text/html;q=0").forEach(accept -> {
            for (String path : List.of("/", "/v1")) {
                Map<String, String> headers = accept == null ? Map.of() : Map.of("Accept", accept);
                Response response = gateway.api().send("GET", path, null, null, headers);

                assertThat(response.status()).as("%s with Accept %s", path, accept).isEqualTo(404);
                assertThat(response.header("Content-Type")).startsWith("application/json");
                assertThat(response.error()).isEqualTo("Not found");
                assertThat(response.text("code")).isEqualTo("not_found");
            }
        });
        Response post = gateway.api().send("POST", "/", null, "{}", Map.of("Accept", "text/html"));
        assertThat(post.status()).as("only GET opens the page").isNotEqualTo(200);
        assertThat(post.body()).doesNotContain("RingBridge SMS gateway");
    }

    @Test
    void withTheOperatorsRingCentralThePageNamesItsServerAndNoSandbox() {
        World world = Gateways.withSimulator(database);
        String server = world.gateway().bean(OperatorRingCentral.class).app().server().toString();

        Response page = world.api().send("GET", "/", null, null, Map.of("Accept", BROWSER_ACCEPT));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("SANDBOX").contains("<dd id=\"ringcentral\">" + server + "</dd>");
    }
}
