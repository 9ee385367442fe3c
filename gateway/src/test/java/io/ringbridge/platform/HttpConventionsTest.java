package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;

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

/** docs/API.md "Conventions" every route shares: request ids, security headers, error bodies, limits on input. */
@SharedGateways
@EveryDatabase
class HttpConventionsTest {

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
    void everyResponseCarriesAGeneratedRequestId() {
        Response response = api.get("/health", null);

        assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void aValidIncomingRequestIdIsEchoedAndAppearsInTheErrorBody() {
        String id = UUID.randomUUID().toString();

        Response response = api.send("GET", "/v1/apps", null, null, Map.of("X-Request-Id", id));

        assertThat(response.header("X-Request-Id")).isEqualTo(id);
        assertThat(response.text("requestId")).isEqualTo(id);
    }

    @Test
    void anIncomingRequestIdThatIsNotAUuidIsReplaced() {
        Response response = api.send("GET", "/health", null, null, Map.of("X-Request-Id", "evil\" id"));

        assertThat(response.header("X-Request-Id")).isNotEqualTo("evil\" id");
        assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void securityHeadersOnJsonResponses() {
        for (Response response : new Response[]{api.get("/health", null), api.get("/v1/apps", app.apiKey()),
                api.get("/nowhere", null)}) {
            assertThat(response.header("Strict-Transport-Security")).as("not on plain-http development").isNull();
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("X-XSS-Protection")).isEqualTo("0");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'none'")
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() {
        Response https = api.overHttps().get("/health", null);
        Response http = api.get("/health", null);

        assertThat(https.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(http.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void anAnswerGoesOutWholeWithItsLengthNotInChunks() {
        Response accepted = api.post("/v1/sms/send", app.apiKey(),
                "{\"to\":\"+14155550100\",\"from\":\"+16505550100\",\"body\":\"Hello\"}");
        Response error = api.get("/v1/apps", null);

        for (Response response : new Response[]{accepted, error}) {
            assertThat(response.header("Transfer-Encoding")).as(response.toString()).isNull();
            assertThat(response.header("Content-Length")).as(response.toString())
                    .isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
        }
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(error.status()).isEqualTo(401);
    }

    @Test
    void anAnswerLargerThanTheResponseBufferStillArrivesComplete() {
        Response document = api.get("/openapi.json", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().length()).isGreaterThan(8192);
        assertThat(document.json().path("paths").propertyNames()).contains("/v1/sms/send");
    }

    @Test
    void healthIsOkWithoutAuthentication() {
        Response response = api.get("/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void unknownRouteIsJson404() {
        Response response = api.get("/v1/nothing-here", app.apiKey());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("Not found");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void unknownRouteIs404EvenWithoutAKey() {
        Response response = api.get("/v1/nothing-here", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("Not found");
    }

    @Test
    void wrongMethodIsJson405() {
        Response response = api.delete("/health", null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.error()).isEqualTo("Method not allowed");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void malformedJsonIs400() {
        Response response = api.post("/v1/apps/register", app.apiKey(), "{\"name\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Invalid JSON body");
        assertThat(response.text("code")).isEqualTo("invalid_json");
    }

    @Test
    void jsonThatIsNotAnObjectIs400() {
        Response response = api.post("/v1/apps/register", app.apiKey(), "[1,2]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Invalid JSON body");
    }

    @Test
    void bodyOver100KilobytesIs413() {
        String big = "{\"name\":\"" + "x".repeat(100 * 1024) + "\"}";

        Response response = api.post("/v1/apps/register", app.apiKey(), big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("Payload too large");
    }

    @Test
    void chunkedBodyOver100KilobytesIs413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(120 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        // A publisher without a known length makes the client send chunks and no Content-Length.
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(big);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };

        Response response = api.send("POST", "/v1/apps/register", chunked,
                Map.of("Authorization", "Bearer " + app.apiKey(), "Content-Type", "application/json"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("Payload too large");
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String name = "x".repeat(101);
        String padded = "{\"name\":\"" + name + "\",\"pad\":\"" + "p".repeat(100 * 1024 - 200) + "\"}";

        Response response = api.post("/v1/apps/register", app.apiKey(), padded);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("name must be 1-100 characters");
    }

    @Test
    void nonJsonContentTypeIs415() {
        Response response = api.send("POST", "/v1/apps/register", app.apiKey(), "name=x",
                Map.of("Content-Type", "text/plain"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.error()).isEqualTo("Content-Type must be application/json");
    }

    @Test
    void timestampsHaveMillisecondsAndZ() {
        Response response = api.get("/v1/apps/" + app.appId(), app.apiKey());

        assertThat(response.text("createdAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }
}
