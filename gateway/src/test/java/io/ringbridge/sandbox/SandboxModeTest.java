package io.ringbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.simulator.testing.ConsentWalk;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.LogCapture;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/**
 * docs/API.md "Sandbox mode": a gateway with no RingCentral app configured runs against the simulator it serves itself,
 * over real HTTP, labelled SANDBOX everywhere, and a newcomer can follow the printed quickstart end to end without
 * network.
 */
@EveryDatabase
class SandboxModeTest {

    private static final Pattern KEY = Pattern.compile("sgw_[0-9a-f]{32}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The demo directory of the built-in simulator. */
    static final String ACCOUNT = "400000001";
    static final long ALICE = 400000101L;
    static final String ALICE_SMS = "+16505550101";

    @Parameter
    Database database;

    @Test
    void theWholeFlowWorksOfflineAgainstTheBuiltInSimulator() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TestGateway gateway = captureConsole(console, () -> TestGateway.on(database).start());
        try {
            String printed = console.toString(StandardCharsets.UTF_8);
            String base = "http://localhost:" + gateway.baseUri().getPort();

            // Start-up: the log says it is a sandbox and how to leave it; the first start prints the quickstart.
            assertThat(LogCapture.lines()).anySatisfy(line -> assertThat(line)
                    .contains("SANDBOX mode", base + "/sandbox/ringcentral", "RINGCENTRAL_CLIENT_ID", "RINGCENTRAL_CLIENT_SECRET"));
            assertThat(printed).contains("SANDBOX quickstart", "/v1/rc/connect-token", "/v1/rc/extensions",
                    "/sandbox/ringcentral/inbound", ALICE_SMS);
            Matcher key = KEY.matcher(printed);
            assertThat(key.find()).as("the bootstrap key on the console").isTrue();
            String apiKey = key.group();
            Api api = gateway.api();
            assertThat(api.get("/v1/rc/app", apiKey).json().path("server").asString()).isEqualTo(base + "/sandbox/ringcentral");

            // Step 1 of the quickstart: a connect link; the gateway's pages carry the banner.
            String link = ConnectFlow.link(api, apiKey, false);
            Response confirm = api.get(link, null);
            assertThat(confirm.status()).isEqualTo(200);
            assertThat(confirm.body()).contains("id=\"sandbox\"", "SANDBOX");
            Response click = ConnectFlow.click(api, link);
            assertThat(click.status()).isEqualTo(303);
            URI authorize = URI.create(click.header("Location"));
            assertThat(authorize.toString()).startsWith(base + "/sandbox/ringcentral/restapi/oauth/authorize?");

            // RingCentral's pages are the simulator's, served by the gateway, labelled too.
            HttpResponse<String> index = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/ringcentral/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(index.body()).contains("SANDBOX");
            HttpResponse<String> consent = ConsentWalk.open(authorize);
            assertThat(consent.statusCode()).isEqualTo(200);
            assertThat(consent.body()).contains("id=\"sandbox-label\"", "SANDBOX", "Alice Able");
            HttpResponse<String> approved = ConsentWalk.submit(consent, ConsentWalk.user(ACCOUNT, ALICE), ConsentWalk.APPROVE);
            assertThat(approved.statusCode()).isEqualTo(302);
            URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
            assertThat(callback.toString()).startsWith(base + "/v1/rc/callback?");
            Response connected = ConnectFlow.callback(api, callback);
            assertThat(connected.status()).as("callback: %s", connected).isEqualTo(200);
            assertThat(connected.body()).contains("RingCentral connected", "Alice Able", ALICE_SMS, "id=\"sandbox\"");

            // Step 2: the connection and its numbers.
            JsonNode extensions = api.get("/v1/rc/extensions", apiKey).json().path("extensions");
            assertThat(extensions.size()).isEqualTo(1);
            assertThat(extensions.get(0).path("status").asString()).isEqualTo("active");
            assertThat(extensions.get(0).path("phoneNumbers").valueStream().map(JsonNode::asString)).contains(ALICE_SMS);
            assertThat(api.post("/v1/rc/extensions/" + ALICE + "/sync", apiKey, null).status()).isEqualTo(200);

            // Step 3: the simulator delivers an inbound SMS to the gateway's webhook.
            String text = "Hello from the sandbox " + UUID.randomUUID();
            // Like the quickstart's curl, from the gateway's own machine: the control routes answer no one else.
            HttpResponse<String> inbound = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/ringcentral/inbound"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"+14155550100\",\"to\":\"" + ALICE_SMS
                            + "\",\"text\":\"" + text + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(inbound.statusCode()).as("inbound: %s", inbound.body()).isEqualTo(202);
            JsonNode notification = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                    gateway.jdbc().sql("SELECT body FROM rc_notification ORDER BY id").query(String.class).list().stream()
                            .map(JSON::readTree).filter(n -> n.path("body").path("subject").asString().equals(text))
                            .findFirst().orElse(null), n -> n != null);
            assertThat(notification.path("body").path("from").path("phoneNumber").asString()).isEqualTo("+14155550100");
            assertThat(notification.path("event").asString()).contains("/message-store/instant?type=SMS");
        } finally {
            gateway.close();
        }
    }

    private static TestGateway captureConsole(ByteArrayOutputStream into, java.util.function.Supplier<TestGateway> start) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new TeeStream(original, into), true, StandardCharsets.UTF_8));
        try {
            return start.get();
        } finally {
            System.setOut(original);
        }
    }

    /** Writes to the real console and keeps a copy. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
