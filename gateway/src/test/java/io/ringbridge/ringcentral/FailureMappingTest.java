package io.ringbridge.ringcentral;

import static io.ringbridge.ringcentral.Failures.refused;
import static io.ringbridge.ringcentral.Failures.unreachable;
import static io.ringbridge.ringcentral.Sandbox.ALICE;
import static io.ringbridge.ringcentral.Sandbox.ALICE_SMS;
import static io.ringbridge.ringcentral.Sandbox.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.limits.RateGroup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the client maps what goes wrong between it and RingCentral, provoked for real: RingCentral's rate limiter
 * (429 with its headers), injected 5xx answers, a server that never answers, a port where nothing listens, and
 * an answer lost after RingCentral acted on the request.
 */
class FailureMappingTest {
    /** Short enough for a quick test, long enough that no healthy local answer runs into it. */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    static Sandbox sandbox;
    static RingCentralApi api;
    TokenSet tokens;
    RingCentralAccess alice;

    @BeforeAll
    static void start() {
        // A Medium budget of 3 makes the fourth SMS the one RingCentral refuses; Auth is widened for the sign-ins.
        sandbox = Sandbox.start(SimulatorConfig.builder().rateLimitsEnabled(true)
                .rateLimit(RateGroup.MEDIUM, 3, Duration.ofMinutes(1), Duration.ofSeconds(2))
                .rateLimit(RateGroup.AUTH, 1000, Duration.ofMinutes(1), Duration.ofSeconds(1)));
        api = sandbox.client.api();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void signIn() {
        sandbox.admin().reset();
        tokens = sandbox.signIn(ALICE);
        alice = sandbox.access(tokens);
    }

    @AfterEach
    void noFaults() {
        sandbox.admin().clearFaults();
    }

    @Test
    void rateLimitedCallIsA429WithEverythingRingCentralSaid() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            SmsAccepted accepted = api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "burst " + remaining));
            assertThat(accepted.rateLimit()).isEqualTo(new RateLimitStatus("medium", 3, remaining, Duration.ofSeconds(60)));
        }

        RingCentralException e = refused(() -> api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "one too many")));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.rateLimited()).isTrue();
        assertThat(e.transientFailure()).isTrue();
        assertThat(e.errorCodes()).containsExactly("CMN-301");
        assertThat(e.description()).contains("Request rate exceeded");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(e.rateLimit()).isEqualTo(new RateLimitStatus("medium", 3, 0, Duration.ofSeconds(60)));
        assertThat(e.rateLimit().known()).isTrue();
        assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(e.getMessage()).contains(id));
        assertThat(sandbox.admin().sendCount(ALICE_SMS, CUSTOMER, "one too many")).isZero();
        // Other groups have their own budget: reading is still allowed.
        assertThat(api.currentExtension(alice).id()).isEqualTo(ALICE);
    }

    @Test
    void serviceUnavailableCarriesRetryAfterAndIsTransient() {
        sandbox.admin().addFault(FaultRule.error("getExtension", 503, 1.0, 1).withRetryAfter(7));

        RingCentralException e = refused(() -> api.currentExtension(alice));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.errorCodes()).containsExactly("CMN-201");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.transientFailure()).isTrue();
        assertThat(e.rateLimited()).isFalse();
        assertThat(e.requestId()).isPresent();
        // The fault hit once; trying again succeeds.
        assertThat(api.currentExtension(alice).id()).isEqualTo(ALICE);
    }

    @Test
    void serverErrorIsTransientWithoutRetryAfter() {
        sandbox.admin().addFault(FaultRule.error("token", 500, 1.0, 1));

        RingCentralException e = refused(() -> sandbox.client.oauth().refresh(sandbox.app, tokens.refreshToken()));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.errorCodes()).containsExactly("CMN-203");
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.transientFailure()).isTrue();
        Secrets.notIn(e, tokens.refreshToken(), Sandbox.CLIENT_SECRET);
    }

    @Test
    void injected429IsMappedLikeTheLimitersOwn() {
        sandbox.admin().addFault(FaultRule.error("listPhoneNumbers", 429, 1.0, 1).withRetryAfter(30));

        RingCentralException e = refused(() -> api.phoneNumbers(alice));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.errorCodes()).containsExactly("CMN-301");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.transientFailure()).isTrue();
        // No X-Rate-Limit-* headers: RingCentral says another kind of limit applied.
        assertThat(e.rateLimit().known()).isFalse();
    }

    @Test
    void serverThatDoesNotAnswerInTimeMayHaveGotTheRequest() {
        Client impatient = Client.create(SHORT_TIMEOUT);
        sandbox.admin().addFault(FaultRule.timeout("sendSms", 1_500, 1.0, 1));
        long started = System.nanoTime();

        RingCentralUnreachableException e = unreachable(() ->
                impatient.api().sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "into the void")));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_400));
        assertThat(e.requestMayHaveArrived()).isTrue();
        assertThat(e.transientFailure()).isTrue();
        assertThat(e.getMessage()).startsWith("send SMS: no answer from RingCentral");
        Secrets.notIn(e, tokens.accessToken());
    }

    @Test
    void answerThatStallsMidBodyTimesOutToo() throws IOException {
        // A proxy or load balancer that sends the head of an answer and then nothing: the JDK's request timeout
        // only covers the wait for the head, so without a deadline of its own the client would wait for ever.
        Client impatient = Client.create(SHORT_TIMEOUT);
        try (RawServer stalling = RawServer.stallingMidBody()) {
            long started = System.nanoTime();

            RingCentralUnreachableException e = unreachable(() -> impatient.api().sendSms(
                    new RingCentralAccess(stalling.uri(), tokens.accessToken()),
                    new SmsRequest(ALICE_SMS, CUSTOMER, "half an answer")));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(e.requestMayHaveArrived()).isTrue();
            assertThat(e.transientFailure()).isTrue();
            Secrets.notIn(e, tokens.accessToken());
        }
    }

    @Test
    void unreadableAnswerIsAFailureThatDoesNotRepeatTheAnswer() throws IOException {
        // A 200 whose body is not RingCentral's TokenInfo (e.g. from a misrouted proxy); its values stay out of
        // the failure, because a token endpoint's answer is full of secrets.
        String body = "{\"access_token\":\"leaked-access-1\",\"expires_in\":\"leaked-access-2\"}";
        try (RawServer wrong = RawServer.answering(200, "application/json", body)) {
            RingCentralApp app = new RingCentralApp(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET, wrong.uri());

            RingCentralException e = refused(() -> sandbox.client.oauth().refresh(app, "some-refresh-token"));

            assertThat(e.status()).isEqualTo(200);
            assertThat(e.description()).contains("unreadable answer body: not a TokenSet (at expires_in)");
            Secrets.notIn(e, "leaked-access-1", "leaked-access-2", "some-refresh-token", Sandbox.CLIENT_SECRET);
        }
    }

    @Test
    void errorPageThatIsNotJsonKeepsItsTextAsDescription() throws IOException {
        try (RawServer gateway = RawServer.answering(502, "text/html", "<html><body>Bad Gateway</body></html>")) {
            RingCentralException e = refused(() -> api.currentExtension(
                    new RingCentralAccess(gateway.uri(), tokens.accessToken())));

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.transientFailure()).isTrue();
            assertThat(e.errorCodes()).isEmpty();
            assertThat(e.description()).contains("<html><body>Bad Gateway</body></html>");
        }
    }

    @Test
    void portWithNothingListeningCertainlyDidNotGetTheRequest() throws IOException {
        URI nowhere;
        try (ServerSocket free = new ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + free.getLocalPort());
        }
        RingCentralAccess lost = new RingCentralAccess(nowhere, tokens.accessToken());
        RingCentralApp app = new RingCentralApp(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET, nowhere);

        for (RingCentralUnreachableException e : new RingCentralUnreachableException[] {
                unreachable(() -> api.sendSms(lost, new SmsRequest(ALICE_SMS, CUSTOMER, "nobody home"))),
                unreachable(() -> sandbox.client.oauth().refresh(app, tokens.refreshToken()))}) {
            assertThat(e.requestMayHaveArrived()).isFalse();
            assertThat(e.transientFailure()).isTrue();
            Secrets.notIn(e, tokens.accessToken(), tokens.refreshToken(), Sandbox.CLIENT_SECRET);
        }
    }

    @Test
    void lostAnswerToAnSmsIsReportedAsPossiblySent() {
        sandbox.admin().addFault(FaultRule.lostResponse("sendSms", 1.0, 1));

        RingCentralUnreachableException e = unreachable(() ->
                api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "did it go out?")));

        assertThat(e.requestMayHaveArrived()).isTrue();
        assertThat(e.transientFailure()).isTrue();
        // It did: RingCentral stored and sent the message before the answer broke off.
        assertThat(sandbox.admin().sendCount(ALICE_SMS, CUSTOMER, "did it go out?")).isEqualTo(1);
        assertThat(sandbox.admin().messages()).anyMatch(m -> m.text().equals("did it go out?"));
    }

    @Test
    void lostAnswerToARefreshCanBeRecoveredWithTheSameRefreshToken() {
        sandbox.admin().addFault(FaultRule.lostResponse("token", 1.0, 1));

        RingCentralUnreachableException e = unreachable(() -> sandbox.client.oauth().refresh(sandbox.app, tokens.refreshToken()));

        // RingCentral rotated the pair, but the answer never came. Its grace period makes asking again safe: the
        // spent refresh token yields the pair that was issued, not a refusal (and not a second rotation).
        assertThat(e.requestMayHaveArrived()).isTrue();
        assertThat(sandbox.admin().tokenRequests("refresh_token")).isEqualTo(1);
        TokenSet recovered = sandbox.client.oauth().refresh(sandbox.app, tokens.refreshToken()).tokens();
        assertThat(recovered.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(api.currentExtension(sandbox.access(recovered)).id()).isEqualTo(ALICE);
        Secrets.notIn(e, tokens.refreshToken(), Sandbox.CLIENT_SECRET);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(RingCentralHttp.retryAfter(headers("Retry-After", "120"))).isEqualTo(Duration.ofSeconds(120));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(61));
        assertThat(RingCentralHttp.retryAfter(headers("Retry-After", inAMinute)))
                .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        assertThat(RingCentralHttp.retryAfter(headers("Retry-After", past))).isEqualTo(Duration.ZERO);
        assertThat(RingCentralHttp.retryAfter(headers("Retry-After", "soon"))).isNull();
        assertThat(RingCentralHttp.retryAfter(headers("X-Other", "1"))).isNull();
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
    }

    @Test
    void requestIdOfEveryAnswerIsKept() {
        SmsAccepted accepted = api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "id please"));
        RingCentralException refusedSms = refused(() -> api.sendSms(alice, new SmsRequest(Sandbox.ALICE_A2P, CUSTOMER, "x")));

        assertThat(accepted.requestId()).matches("[0-9a-f-]{36}");
        assertThat(refusedSms.requestId()).hasValueSatisfying(id -> {
            assertThat(id).matches("[0-9a-f-]{36}").isNotEqualTo(accepted.requestId());
            assertThat(refusedSms.getMessage()).endsWith("(RCRequestId " + id + ")");
        });
    }
}
