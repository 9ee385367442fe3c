package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;
import tools.jackson.databind.json.JsonMapper;

/**
 * URLs the gateway hands out come from its public URL, never from the {@code Host} or {@code X-Forwarded-Host} a
 * request claims: the OpenAPI document's server, and the sandbox consent form's target (a forged host there would
 * send a person's sign-in to another site).
 */
@SharedGateways
@EveryDatabase
class PublicUrlTest {

    @Parameter
    Database database;

    @Test
    void theOpenApiServerIsThePublicUrlWhateverTheRequestClaims() throws IOException {
        TestGateway gateway = Gateways.shared(database);
        String publicUrl = "http://localhost:" + gateway.baseUri().getPort();

        Response plain = gateway.api().get("/openapi.json", null);
        Response forwarded = gateway.api().send("GET", "/openapi.json", null, null,
                Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"));
        String withHost = rawGet(gateway.baseUri(), "/openapi.json", "evil.example:666");

        for (String document : new String[]{plain.body(), forwarded.body(), withHost}) {
            assertThat(JsonMapper.builder().build().readTree(document).path("servers").get(0).path("url").asString())
                    .isEqualTo(publicUrl);
            assertThat(document).doesNotContain("evil.example");
        }
    }

    @Test
    void theSandboxConsentFormPostsToThePublicUrlWhateverTheRequestClaims() throws IOException {
        TestGateway gateway = Gateways.shared(database); // sandbox mode: the simulator is served by the gateway
        String publicUrl = "http://localhost:" + gateway.baseUri().getPort();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(gateway.api());
        Response click = ConnectFlow.click(gateway.api(), ConnectFlow.link(gateway.api(), app.apiKey(), false));
        assertThat(click.status()).as("%s", click).isEqualTo(303);
        URI authorize = URI.create(click.header("Location"));
        String path = authorize.getRawPath() + "?" + authorize.getRawQuery();

        Response forwarded = gateway.api().send("GET", path, null, null, Map.of("X-Forwarded-Host", "evil.example"));
        String withHost = rawGet(gateway.baseUri(), path, "evil.example");

        assertThat(forwarded.status()).isEqualTo(200);
        String action = "action=\"" + publicUrl + "/sandbox/ringcentral/restapi/oauth/consent\"";
        for (String page : new String[]{forwarded.body(), withHost}) {
            assertThat(page).contains(action).doesNotContain("evil.example");
        }
    }

    /** A GET with a {@code Host} header of our choosing (the JDK's client will not send one), answered in full. */
    private static String rawGet(URI base, String path, String host) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
            return answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }
}
