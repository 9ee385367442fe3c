package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.ids.IdKind;
import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.World;
import tools.jackson.databind.JsonNode;

/**
 * docs/API.md "Send" {@code POST /v1/sms/send}: every validation error with its exact string and status, authentication
 * (§0.1), the 202 answer, tenant isolation, and the [ext] Idempotency-Key.
 */
@SharedGateways
@EveryDatabase
class SmsValidationTest {

    static final String REQUIRED = "to, from, and body are required";
    static final String E164 = "to and from must be valid E.164 phone numbers";
    static final String BODY = "body must be 1-1600 characters";
    static final String TO = "+14155550100";

    static World world;

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        world = Gateways.withSimulator(database);
    }

    @BeforeEach
    void setUp() {
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
    }

    @Test
    void toFromAndBodyAreRequiredMissingEmptyOrNullAndParamNamesTheFirstMissing() {
        Map<String, String> bodies = new LinkedHashMap<>(); // request → the param it must name
        for (String field : List.of("to", "from", "body")) {
            Map<String, Object> valid = new LinkedHashMap<>(Map.of("to", TO, "from", ALICE_SMS, "body", "Hi"));
            valid.remove(field);
            bodies.put(Sms.JSON.writeValueAsString(valid), field); // missing
            for (String value : List.of("\"\"", "null")) {
                String others = Sms.JSON.writeValueAsString(valid);
                bodies.put("{\"" + field + "\":" + value + "," + others.substring(1), field);
            }
        }
        bodies.put("{}", "to");
        bodies.put("null", "to");
        bodies.put(Sms.json("to", TO), "from");
        bodies.put(Sms.json("from", ALICE_SMS), "to");
        bodies.put(Sms.json("to", TO, "from", ALICE_SMS, "body", ""), "body");
        // A missing field comes before a value of the wrong type or format elsewhere.
        bodies.put("{\"to\":42,\"body\":\"Hi\"}", "from");
        bodies.put("{\"to\":\"bad\",\"from\":true}", "body");

        bodies.forEach((body, param) -> {
            Response response = api.post("/v1/sms/send", app.apiKey(), body);
            assertThat(response.status()).as("%s → %s", body, response).isEqualTo(400);
            assertThat(response.error()).as(body).isEqualTo(REQUIRED);
            assertThat(response.text("code")).isEqualTo("missing_fields");
            assertThat(response.text("param")).as(body).isEqualTo(param);
            assertThat(response.json().propertyNames()).containsExactly("error", "code", "param", "requestId");
        });
        assertNothingStored(app);
    }

    @Test
    void aValueOfAnotherTypeIsTheFieldsOwnErrorNotRequired() {
        for (String field : List.of("to", "from", "body")) {
            for (String value : List.of("42", "4.2", "true", "false", "0", "[\"+14155550100\"]", "{\"n\":\"+14155550100\"}")) {
                Map<String, Object> others = new LinkedHashMap<>(Map.of("to", TO, "from", ALICE_SMS, "body", "Hi"));
                others.remove(field);
                String body = "{\"" + field + "\":" + value + "," + Sms.JSON.writeValueAsString(others).substring(1);

                Response response = api.post("/v1/sms/send", app.apiKey(), body);

                assertThat(response.status()).as("%s → %s", body, response).isEqualTo(400);
                assertThat(response.error()).as(body).isEqualTo(field.equals("body") ? BODY : E164);
                assertThat(response.text("code")).isEqualTo(field.equals("body") ? "invalid_body" : "invalid_phone_number");
                assertThat(response.text("param")).as(body).isEqualTo(field);
            }
        }
        assertNothingStored(app);
    }

    @Test
    void aRequestWithoutAnyBodyGetsTheRequiredError() {
        Response withoutContentType = api.send("POST", "/v1/sms/send", app.apiKey(), null, Map.of());
        Response emptyJson = api.send("POST", "/v1/sms/send", HttpRequest.BodyPublishers.noBody(),
                Map.of("Authorization", "Bearer " + app.apiKey(), "Content-Type", "application/json"));

        for (Response response : List.of(withoutContentType, emptyJson)) {
            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertThat(response.error()).isEqualTo(REQUIRED);
        }
        assertNothingStored(app);
    }

    @Test
    void malformedJsonAndBodiesThatAreNoObjectAreInvalidJson() {
        for (String body : List.of("{", "{\"to\":}", "[]", "\"text\"", "42", "{\"to\":\"" + TO + "\" \"from\":1}")) {
            Response response = api.post("/v1/sms/send", app.apiKey(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.error()).as(body).isEqualTo("Invalid JSON body");
        }
        Response form = api.send("POST", "/v1/sms/send", HttpRequest.BodyPublishers.ofString("to=%2B14155550100"),
                Map.of("Authorization", "Bearer " + app.apiKey(), "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.error()).isEqualTo("Content-Type must be application/json");
        assertNothingStored(app);
    }

    @Test
    void toAndFromMustBeE164() {
        List<String> invalid = List.of(
                "4155550100",               // no +
                "14155550100",
                "+04155550100",             // leading zero
                "+0",
                "+",
                "++14155550100",
                "+123456789",               // 9 digits: one too few
                "+1234567890123456",        // 16 digits: one too many
                "+1 415 555 0100",
                "+1-415-555-0100",
                "+1(415)5550100",
                "(415) 555-0100",
                "+1415555010a",
                "+1415555O100",             // letter O
                " +14155550100",
                "+14155550100 ",
                "+14155550100\n",
                "tel:+14155550100",
                "+١٤١٥٥٥٥٠١٠٠",             // Arabic-Indic digits are not E.164 digits
                "+１４１５５５５０１００");     // full-width digits
        for (String number : invalid) {
            for (boolean asTo : new boolean[]{true, false}) {
                Response response = Sms.send(api, app.apiKey(), asTo ? ALICE_SMS : number, asTo ? number : TO, "Hi");
                assertThat(response.status()).as("%s %s → %s", asTo ? "to" : "from", number, response).isEqualTo(400);
                assertThat(response.error()).isEqualTo(E164);
                assertThat(response.text("code")).isEqualTo("invalid_phone_number");
                assertThat(response.text("param")).isEqualTo(asTo ? "to" : "from");
            }
        }
        assertNothingStored(app);

        // The boundaries of ^\+[1-9]\d{9,14}$: 10 and 15 digits, any leading digit but 0.
        for (String number : List.of("+1234567890", "+123456789012345", "+9876543210", "+447700900123")) {
            assertThat(Sms.send(api, app.apiKey(), ALICE_SMS, number, "Hi").status()).as("to %s", number).isEqualTo(202);
            assertThat(Sms.send(api, app.apiKey(), number, TO, "Hi").status()).as("from %s", number).isEqualTo(202);
        }
    }

    @Test
    void bodyIsOneTo1600Utf16UnitsAnEmojiCountingTwo() {
        String emoji = "😀"; // one code point, two UTF-16 units
        Map<String, Integer> rejected = new LinkedHashMap<>();
        rejected.put("a".repeat(1601), 1601);
        rejected.put(emoji.repeat(800) + "a", 1601);
        rejected.put("a".repeat(1599) + emoji, 1601);
        rejected.put("a".repeat(5000), 5000);
        for (String body : rejected.keySet()) {
            Response response = Sms.send(api, app.apiKey(), ALICE_SMS, TO, body);
            assertThat(response.status()).as("%d units", rejected.get(body)).isEqualTo(400);
            assertThat(response.error()).isEqualTo(BODY);
            assertThat(response.text("param")).isEqualTo("body");
        }
        assertNothingStored(app);

        for (String body : List.of("a".repeat(1600), emoji.repeat(800), "a".repeat(1598) + emoji, "a", " ", emoji)) {
            Response response = Sms.send(api, app.apiKey(), ALICE_SMS, TO, body);
            assertThat(response.status()).as("%d units: %s", body.length(), response).isEqualTo(202);
            JsonNode stored = Sms.status(api, app.apiKey(), response.text("messageId"));
            assertThat(stored.path("body").asString()).as("stored unchanged").isEqualTo(body);
            assertThat(stored.path("segments").asInt()).isEqualTo(body.length() > 1000 ? 2 : 1);
        }
    }

    @Test
    void userIdIsAnOptionalStringOfAtMost200Characters() {
        String id200 = "u".repeat(200);
        Response withUser = api.post("/v1/sms/send", app.apiKey(),
                Sms.json("to", TO, "from", ALICE_SMS, "body", "Hi", "userId", id200));
        assertThat(withUser.status()).isEqualTo(202);
        assertThat(Sms.status(api, app.apiKey(), withUser.text("messageId")).path("userId").asString()).isEqualTo(id200);

        for (Object absent : new Object[]{null, ""}) {
            Response response = api.post("/v1/sms/send", app.apiKey(),
                    Sms.json("to", TO, "from", ALICE_SMS, "body", "Hi", "userId", absent));
            assertThat(response.status()).as("userId %s", absent).isEqualTo(202);
            assertThat(Sms.status(api, app.apiKey(), response.text("messageId")).path("userId").isNull())
                    .as("userId %s is stored as none", absent).isTrue();
        }

        for (String value : List.of("\"" + "u".repeat(201) + "\"", "42", "true", "[\"u1\"]", "{\"id\":\"u1\"}")) {
            Response response = api.post("/v1/sms/send", app.apiKey(),
                    "{\"to\":\"" + TO + "\",\"from\":\"" + ALICE_SMS + "\",\"body\":\"Hi\",\"userId\":" + value + "}");
            assertThat(response.status()).as("userId %s", value).isEqualTo(400);
            assertThat(response.error()).isEqualTo("userId must be a string of at most 200 characters");
            assertThat(response.text("param")).isEqualTo("userId");
        }
        assertThat(history(app)).hasSize(3);
    }

    @Test
    void aNulCharacterIsRefusedNotStored() {
        // PostgreSQL text cannot hold U+0000 (and RingCentral would not send it): a client error, never a 500.
        Response inBody = Sms.send(api, app.apiKey(), ALICE_SMS, TO, "before\u0000after");
        assertThat(inBody.status()).as("%s", inBody).isEqualTo(400);
        assertThat(inBody.error()).isEqualTo("body must not contain NUL characters");
        assertThat(inBody.text("param")).isEqualTo("body");
        Response inUserId = api.post("/v1/sms/send", app.apiKey(),
                Sms.json("to", TO, "from", ALICE_SMS, "body", "Hi", "userId", "u\u0000"));
        assertThat(inUserId.status()).as("%s", inUserId).isEqualTo(400);
        assertThat(inUserId.error()).isEqualTo("userId must be a string of at most 200 characters");
        assertThat(inUserId.text("param")).isEqualTo("userId");
        assertNothingStored(app);
    }

    @Test
    void aLoneSurrogateIsAValidationErrorAndAPairIsText() {
        // JSON lets a client escape half of a surrogate pair; as text it is no character and would be stored as "?".
        for (String escaped : List.of("\\ud83d", "Hi \\ud83d", "\\ude00 there", "\\ude00\\ud83d", "a\\ud83d\\ud83d\\ude00")) {
            String request = "{\"to\":\"" + TO + "\",\"from\":\"" + ALICE_SMS + "\",\"body\":\"" + escaped + "\"}";
            Response response = api.post("/v1/sms/send", app.apiKey(), request);
            assertThat(response.status()).as("%s → %s", escaped, response).isEqualTo(400);
            assertThat(response.error()).isEqualTo("body must not contain unpaired surrogates");
            assertThat(response.text("code")).isEqualTo("invalid_body");
            assertThat(response.text("param")).isEqualTo("body");
        }
        Response loneInUserId = api.post("/v1/sms/send", app.apiKey(),
                "{\"to\":\"" + TO + "\",\"from\":\"" + ALICE_SMS + "\",\"body\":\"Hi\",\"userId\":\"u\\udc00\"}");
        assertThat(loneInUserId.status()).isEqualTo(400);
        assertThat(loneInUserId.text("param")).isEqualTo("userId");
        assertNothingStored(app);

        Response pair = api.post("/v1/sms/send", app.apiKey(),
                "{\"to\":\"" + TO + "\",\"from\":\"" + ALICE_SMS + "\",\"body\":\"Hi \\ud83d\\ude00\"}");
        assertThat(pair.status()).as("%s", pair).isEqualTo(202);
        assertThat(Sms.status(api, app.apiKey(), pair.text("messageId")).path("body").asString()).isEqualTo("Hi 😀");
    }

    @Test
    void theRequiredErrorComesFirstThenPhoneNumbersThenBody() {
        Response missingAndBadNumber = api.post("/v1/sms/send", app.apiKey(), Sms.json("to", "bad", "body", "x".repeat(2000)));
        assertThat(missingAndBadNumber.error()).isEqualTo(REQUIRED);
        assertThat(missingAndBadNumber.text("param")).isEqualTo("from");
        Response badNumberAndLongBody = Sms.send(api, app.apiKey(), ALICE_SMS, "bad", "x".repeat(2000));
        assertThat(badNumberAndLongBody.error()).isEqualTo(E164);
        assertThat(badNumberAndLongBody.text("param")).isEqualTo("to");
        Response badNumberAndBodyOfAnotherType = api.post("/v1/sms/send", app.apiKey(),
                "{\"to\":\"" + TO + "\",\"from\":\"bad\",\"body\":42}");
        assertThat(badNumberAndBodyOfAnotherType.error()).isEqualTo(E164);
        assertThat(badNumberAndBodyOfAnotherType.text("param")).isEqualTo("from");
    }

    @Test
    void authenticationErrorsAsInTheConventions() {
        String body = Sms.json("to", TO, "from", ALICE_SMS, "body", "Hi");
        Response noKey = api.post("/v1/sms/send", null, body);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.error()).isEqualTo("Missing or invalid API key");

        Response notBearer = api.send("POST", "/v1/sms/send", null, body, Map.of("Authorization", "Basic " + app.apiKey()));
        assertThat(notBearer.status()).isEqualTo(401);
        assertThat(notBearer.error()).isEqualTo("Missing or invalid API key");

        Response unknownKey = api.post("/v1/sms/send", "sgw_" + "0".repeat(32), body);
        assertThat(unknownKey.status()).isEqualTo(401);
        assertThat(unknownKey.error()).isEqualTo("Invalid API key");

        for (String status : List.of("suspended", "inactive")) {
            assertThat(api.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"" + status + "\"}").status())
                    .isEqualTo(200);
            Response refused = api.post("/v1/sms/send", app.apiKey(), body);
            assertThat(refused.status()).as(status).isEqualTo(403);
            assertThat(refused.error()).isEqualTo("Tenant suspended or inactive");
        }
        api.patch("/v1/tenants/" + app.tenantId(), ADMIN_KEY, "{\"status\":\"active\"}");
        assertNothingStored(app);

        Fixtures.TestApp deleted = Fixtures.registerApp(api, app.tenantId(), "Deleted");
        assertThat(api.delete("/v1/apps/" + deleted.appId(), app.apiKey()).status()).isEqualTo(200);
        Response deletedKey = api.post("/v1/sms/send", deleted.apiKey(), body);
        assertThat(deletedKey.status()).isEqualTo(401);
        assertThat(deletedKey.error()).isEqualTo("Invalid API key");
    }

    @Test
    void overTheAppBudgetSendsGet429WithRetryAfterAndStoreNothing() {
        Fixtures.TestApp busy = Fixtures.registerApp(api, app.tenantId(), "Busy");
        String invalid = Sms.json("to", "bad", "from", ALICE_SMS, "body", "Hi");
        for (int i = 0; i < 100; i++) {
            Response response = api.post("/v1/sms/send", busy.apiKey(), invalid);
            assertThat(response.status()).as("request %d", i + 1).isEqualTo(400);
        }

        Response limited = Sms.send(api, busy.apiKey(), ALICE_SMS, TO, "Hi");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("Too many requests");
        // Sliding window (docs/decisions/0001): the full minute plus the share of it the 100th request still weighs.
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 61);
        assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertNothingStored(app);
    }

    @Test
    void acceptedAnswersOnlyTheIdAndQueuedAndTheMessageIsTheTenantsOnly() {
        connect(app);
        Response accepted = Sms.send(api, app.apiKey(), ALICE_SMS, TO, "Accepted " + System.nanoTime());

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Content-Type")).startsWith("application/json");
        assertThat(accepted.header("X-Request-Id")).isNotBlank();
        assertThat(accepted.header("Idempotent-Replayed")).isNull();
        JsonNode body = accepted.json();
        assertThat(body.propertyNames()).containsExactly("messageId", "status");
        assertThat(body.path("messageId").asString()).matches("msg_[0-9a-f]{12}");
        assertThat(body.path("status").asString()).isEqualTo("queued");
        String id = body.path("messageId").asString();

        // Any app of the tenant sees it; an app of another tenant does not, not even in its history.
        Fixtures.TestApp sibling = Fixtures.registerApp(api, app.tenantId(), "Sibling");
        assertThat(Sms.status(api, sibling.apiKey(), id).path("appId").asString()).isEqualTo(app.appId());
        Fixtures.TestApp stranger = Fixtures.newTenantWithApp(api);
        Response foreign = api.get("/v1/sms/status/" + id, stranger.apiKey());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.error()).isEqualTo("Message not found");
        assertThat(history(stranger)).isEmpty();

        Sms.awaitStatus(api, app.apiKey(), id, Duration.ofSeconds(20), "sent");
    }

    @Test
    void theAdminKeyCannotSend() {
        Response response = api.post("/v1/sms/send?tenantId=" + app.tenantId(), ADMIN_KEY,
                Sms.json("to", TO, "from", ALICE_SMS, "body", "From the operator"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("App API key required");
        assertNothingStored(app);
    }

    // --- Idempotency-Key [ext]

    @Test
    void aRepeatWithTheSameKeyAndBodyReplaysTheFirstAnswerAndSendsOnce() {
        connect(app);
        String text = "Once " + System.nanoTime();
        String request = Sms.json("to", TO, "from", ALICE_SMS, "body", text, "userId", "u-1");

        Response first = Sms.send(api, app.apiKey(), request, "order-1");
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        String id = first.text("messageId");
        Sms.awaitStatus(api, app.apiKey(), id, Duration.ofSeconds(20), "sent");

        // The same request again, also written differently (other key order, whitespace): the first answer.
        String reordered = "{ \"userId\": \"u-1\", \"body\": " + Sms.JSON.writeValueAsString(text)
                + ", \"from\": \"" + ALICE_SMS + "\", \"to\": \"" + TO + "\" }";
        for (String repeat : List.of(request, reordered)) {
            Response replay = Sms.send(api, app.apiKey(), repeat, "order-1");
            assertThat(replay.status()).isEqualTo(202);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.json()).isEqualTo(first.json());
        }

        assertThat(history(app)).extracting(m -> m.path("messageId").asString()).containsExactly(id);
        assertThat(world.admin().sendCount(ALICE_SMS, TO, text)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIs422AndCreatesNothing() {
        Response first = Sms.send(api, app.apiKey(), Sms.json("to", TO, "from", ALICE_SMS, "body", "A"), "k-422");
        assertThat(first.status()).isEqualTo(202);

        for (String other : List.of(
                Sms.json("to", TO, "from", ALICE_SMS, "body", "B"),
                Sms.json("to", "+14155550199", "from", ALICE_SMS, "body", "A"),
                Sms.json("to", TO, "from", "+16505550103", "body", "A"),
                Sms.json("to", TO, "from", ALICE_SMS, "body", "A", "userId", "someone"))) {
            Response reused = Sms.send(api, app.apiKey(), other, "k-422");
            assertThat(reused.status()).as(other).isEqualTo(422);
            assertThat(reused.error()).isEqualTo("Idempotency-Key reused with a different request");
            assertThat(reused.text("code")).isEqualTo("idempotency_key_reused");
        }
        assertThat(history(app)).extracting(m -> m.path("messageId").asString()).containsExactly(first.text("messageId"));
    }

    @Test
    void keysArePerAppAndOnlyAnAcceptedRequestIsRemembered() {
        Fixtures.TestApp sibling = Fixtures.registerApp(api, app.tenantId(), "Sibling");
        Fixtures.TestApp stranger = Fixtures.newTenantWithApp(api);

        Response invalid = Sms.send(api, app.apiKey(), Sms.json("to", "bad", "from", ALICE_SMS, "body", "A"), "shared");
        assertThat(invalid.status()).isEqualTo(400);
        Response mine = Sms.send(api, app.apiKey(), Sms.json("to", TO, "from", ALICE_SMS, "body", "A"), "shared");
        assertThat(mine.status()).as("the key of a refused request is free").isEqualTo(202);
        assertThat(mine.header("Idempotent-Replayed")).isNull();

        Response siblings = Sms.send(api, sibling.apiKey(), Sms.json("to", TO, "from", ALICE_SMS, "body", "B"), "shared");
        Response strangers = Sms.send(api, stranger.apiKey(), Sms.json("to", TO, "from", ALICE_SMS, "body", "A"), "shared");

        for (Response response : List.of(siblings, strangers)) {
            assertThat(response.status()).as("%s", response).isEqualTo(202);
            assertThat(response.header("Idempotent-Replayed")).isNull();
            assertThat(response.text("messageId")).isNotEqualTo(mine.text("messageId"));
        }
        assertThat(history(app)).hasSize(2);
        assertThat(history(stranger)).hasSize(1);
    }

    @Test
    void keysAreAtMost255Characters() {
        String request = Sms.json("to", TO, "from", ALICE_SMS, "body", "Hi");
        assertThat(Sms.send(api, app.apiKey(), request, "k".repeat(255)).status()).isEqualTo(202);

        Response tooLong = Sms.send(api, app.apiKey(), request, "k".repeat(256));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.error()).isEqualTo("Idempotency-Key must be 1-255 characters");
        assertThat(tooLong.text("param")).isEqualTo("Idempotency-Key");
        assertThat(history(app)).hasSize(1);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyMakeOneMessage() throws Exception {
        connect(app);
        String text = "Concurrent " + System.nanoTime();
        String request = Sms.json("to", TO, "from", ALICE_SMS, "body", text);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                answers.add(executor.submit(() -> {
                    go.await();
                    return Sms.send(api, app.apiKey(), request, "same-key");
                }));
            }
            go.countDown();
        }

        Set<String> ids = new HashSet<>();
        int replayed = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertThat(response.status()).as("%s", response).isEqualTo(202);
            ids.add(response.text("messageId"));
            replayed += "true".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
        }
        assertThat(ids).hasSize(1);
        assertThat(replayed).isEqualTo(19);
        assertThat(history(app)).hasSize(1);
        String id = ids.iterator().next();
        Sms.awaitStatus(api, app.apiKey(), id, Duration.ofSeconds(20), "sent");
        assertThat(world.admin().sendCount(ALICE_SMS, TO, text)).isEqualTo(1);
    }

    @Test
    void aMessageWhoseNewIdIsTakenIsStoredUnderAnother() {
        String taken = Sms.accepted(api, app.apiKey(), ALICE_SMS, TO, "First");
        SmsSubmission submission = submissionWithIds(taken);

        SmsSubmission.Outcome outcome = submission.submit(app.tenantId(), app.appId(),
                new SmsRequests.Send(TO, ALICE_SMS, "Second", null), null);

        String second = outcome.accepted().messageId();
        assertThat(second).isNotEqualTo(taken).matches("msg_[0-9a-f]{12}");
        assertThat(Sms.status(api, app.apiKey(), taken).path("body").asString()).isEqualTo("First");
        assertThat(Sms.status(api, app.apiKey(), second).path("body").asString()).isEqualTo("Second");
        assertThat(history(app)).hasSize(2);
    }

    @Test
    void anIdempotentMessageWhoseNewIdIsTakenIsStoredUnderAnotherAndItsKeyReplaysThatOne() {
        String taken = Sms.accepted(api, app.apiKey(), ALICE_SMS, TO, "First");
        SmsSubmission submission = submissionWithIds(taken);

        SmsSubmission.Outcome outcome = submission.submit(app.tenantId(), app.appId(),
                new SmsRequests.Send(TO, ALICE_SMS, "Second", null), "key-collide");

        String second = outcome.accepted().messageId();
        assertThat(second).isNotEqualTo(taken);
        assertThat(outcome.replayed()).isFalse();
        Response replay = Sms.send(api, app.apiKey(), Sms.json("to", TO, "from", ALICE_SMS, "body", "Second"),
                "key-collide");
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.text("messageId")).isEqualTo(second);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(history(app)).hasSize(2);
    }

    @Test
    void anIdTakenAtEveryTryFailsTheRequestAndStoresNothing() {
        String taken = Sms.accepted(api, app.apiKey(), ALICE_SMS, TO, "First");
        SmsSubmission submission = new SmsSubmission(world.gateway().bean(MessageIntake.class),
                world.gateway().bean(DestinationCheck.class), world.gateway().jdbc(),
                world.gateway().bean(TransactionTemplate.class), Clock.systemUTC(), () -> taken);

        for (String key : Arrays.asList(null, "key-never")) {
            assertThatThrownBy(() -> submission.submit(app.tenantId(), app.appId(),
                    new SmsRequests.Send(TO, ALICE_SMS, "Second", null), key))
                    .isInstanceOf(DuplicateKeyException.class);
        }
        assertThat(history(app)).hasSize(1);
        assertThat(world.gateway().jdbc().sql("SELECT COUNT(*) FROM idempotency_key WHERE app_id = :app")
                .param("app", app.appId()).query(Long.class).single()).isZero();
    }

    /** A submission whose first new id is {@code taken}, as if the random part had come out the same again. */
    private SmsSubmission submissionWithIds(String taken) {
        Iterator<String> ids = Stream.concat(Stream.of(taken), Stream.generate(IdKind.MESSAGE::next)).iterator();
        return new SmsSubmission(world.gateway().bean(MessageIntake.class),
                world.gateway().bean(DestinationCheck.class), world.gateway().jdbc(),
                world.gateway().bean(TransactionTemplate.class), Clock.systemUTC(), ids::next);
    }

    private void connect(Fixtures.TestApp target) {
        assertThat(ConnectFlow.connect(api, target.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
    }

    private List<JsonNode> history(Fixtures.TestApp of) {
        Response page = api.get("/v1/sms/messages?limit=200", of.apiKey());
        assertThat(page.status()).as("history: %s", page).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        page.json().path("messages").forEach(messages::add);
        return messages;
    }

    private void assertNothingStored(Fixtures.TestApp of) {
        assertThat(history(of)).as("nothing stored").isEmpty();
        assertThat(world.gateway().jdbc().sql("SELECT COUNT(*) FROM message WHERE tenant_id = :t").param("t", of.tenantId())
                .query(Long.class).single()).isZero();
    }
}
