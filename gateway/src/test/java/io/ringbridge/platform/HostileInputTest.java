package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.LogCapture;
import io.ringbridge.testsupport.RawHttp;
import io.ringbridge.testsupport.TestGateway;

/**
 * Input a careless client or an attacker sends, written byte for byte on a socket: never a 500, always the JSON
 * error body with a request id and the security headers, and one WARN line without a stack trace.
 */
@SharedGateways
@EveryDatabase
class HostileInputTest {

    private static final String SEND = "{\"to\":\"+14155550100\",\"from\":\"+16505550100\",\"body\":\"Hello\"}";

    @Parameter
    Database database;

    TestGateway gateway;
    String auth;

    @BeforeEach
    void setUp() {
        gateway = Gateways.shared(database);
        auth = "Authorization: Bearer " + Fixtures.newTenantWithApp(gateway.api()).apiKey();
    }

    @Test
    void aWildcardContentTypeIs415() {
        for (String type : List.of("*/*", "application/*")) {
            RawHttp.Answer answer = refused("POST /v1/sms/send HTTP/1.1\r\nHost: x\r\n" + auth
                    + "\r\nContent-Type: " + type, SEND, 415);

            assertThat(answer.json().path("error").asString()).isEqualTo("Content-Type must be application/json");
            assertThat(answer.json().path("code").asString()).isEqualTo("unsupported_media_type");
        }
    }

    @Test
    void invalidPercentEscapesInAQueryOrAFormAre400() {
        for (String target : List.of("/v1/rc/connect?token=%ff", "/v1/sms/messages?from=%ff")) {
            RawHttp.Answer answer = refused("GET " + target + " HTTP/1.1\r\nHost: x\r\n" + auth, null, 400);

            assertThat(answer.json().path("error").asString()).as(target)
                    .isEqualTo("Invalid percent-encoding in the query string or form (must be UTF-8)");
            assertThat(answer.json().path("code").asString()).as(target).isEqualTo("invalid_encoding");
        }
        RawHttp.Answer form = refused("POST /v1/rc/connect HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-www-form-urlencoded", "token=%ff%fe", 400);

        assertThat(form.json().path("code").asString()).isEqualTo("invalid_encoding");
    }

    @Test
    void aHeaderFieldOfNearlyEightKilobytesIs431AndNeverEchoed() {
        RawHttp.Answer answer = refused("POST /v1/webhooks/ringcentral HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nValidation-Token: " + "v".repeat(7_900), "{}", 431);

        assertThat(answer.json().path("code").asString()).isEqualTo("header_too_large");
        assertThat(answer.header("Validation-Token")).isNull();
    }

    @Test
    void anInvalidEscapeInThePathIsAJson400FromTheContainer() {
        RawHttp.Answer answer = refused("GET /v1/%zz HTTP/1.1\r\nHost: x", null, 400);

        assertThat(answer.json().path("error").asString()).isEqualTo("Bad request");
    }

    @Test
    void headersOverEightKilobytesOrAThousandHeadersAreAJson431FromTheContainer() {
        StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: x");
        for (int i = 0; i < 1_000; i++) {
            many.append("\r\nX-Header-").append(i).append(": v");
        }

        RawHttp.Answer large = refused("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9_000), null, 431);
        RawHttp.Answer numerous = refused(many.toString(), null, 431);

        assertThat(large.json().path("error").asString()).isEqualTo("Request header too large");
        assertThat(numerous.json().path("code").asString()).isEqualTo("header_too_large");
    }

    @Test
    void anUnknownProtocolVersionIsAJson505FromTheContainer() {
        RawHttp.Answer answer = refused("GET /health HTTP/9.9\r\nHost: x", null, 505);

        assertThat(answer.json().path("code").asString()).isEqualTo("http_version_not_supported");
    }

    /** Sends the request and checks what every refusal shares; returns the answer for its own assertions. */
    private RawHttp.Answer refused(String head, String body, int status) {
        int before = LogCapture.lines().size();

        RawHttp.Answer answer = RawHttp.send(gateway.baseUri(), head, body);

        String shown = head.substring(0, Math.min(head.length(), 60));
        assertThat(answer.status()).as(shown + " → " + answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(shown).startsWith("application/json");
        String id = answer.header("X-Request-Id");
        assertThat(UUID.fromString(id)).as(shown).isNotNull();
        assertThat(answer.json().path("requestId").asString()).as(shown).isEqualTo(id);
        assertThat(answer.header("X-Frame-Options")).as(shown).isEqualTo("DENY");
        assertThat(answer.header("X-Content-Type-Options")).as(shown).isEqualTo("nosniff");
        assertThat(answer.header("X-XSS-Protection")).as(shown).isEqualTo("0");
        assertThat(answer.header("Referrer-Policy")).as(shown).isEqualTo("no-referrer");
        assertThat(answer.header("Content-Security-Policy")).as(shown).startsWith("default-src 'none'");
        assertThat(answer.header("Strict-Transport-Security")).as("plain-http development: " + shown).isNull();

        List<String> lines = LogCapture.lines();
        List<String> logged = lines.subList(before, lines.size()).stream()
                .filter(line -> line.startsWith("[" + id + "]")).toList();
        assertThat(logged).as(shown).filteredOn(line -> line.startsWith("[" + id + "] WARN ")).hasSize(1);
        assertThat(logged).as("no stack trace: " + shown).noneMatch(line -> line.contains("\tat "));
        assertThat(lines.subList(before, lines.size())).as(shown)
                .noneMatch(line -> line.contains("Exception") && line.contains("\tat "));
        return answer;
    }
}
