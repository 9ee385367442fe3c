package io.ringbridge.ringcentral;

import static io.ringbridge.ringcentral.Failures.refused;
import static io.ringbridge.ringcentral.Sandbox.ACCOUNT;
import static io.ringbridge.ringcentral.Sandbox.ALICE;
import static io.ringbridge.ringcentral.Sandbox.ALICE_A2P;
import static io.ringbridge.ringcentral.Sandbox.ALICE_SMS;
import static io.ringbridge.ringcentral.Sandbox.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.Contact;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.sms.DeliveryOutcome;
import io.ringbridge.simulator.sms.DeliveryRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RingCentralApi}'s account and messaging calls against the simulator over HTTP: the current extension,
 * phone numbers over several pages, sending SMS with RingCentral's refusals, and reading a message while its
 * delivery status moves on.
 */
class RingCentralApiTest {
    /** More than two pages of the client's page size (100). */
    static final int MANY = 230;
    /** Recipients the simulator's carrier rejects (delivery rule below). */
    static final String LANDLINE = "+15550001111";

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Sandbox sandbox;
    static RingCentralApi api;
    static RingCentralAccess alice;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SimulatorConfig.builder().rateLimitsEnabled(false)
                .deliveryTiming(Duration.ofMillis(150), Duration.ofMillis(150))
                .deliveryRule(new DeliveryRule("\\+1555.*", DeliveryOutcome.DELIVERY_FAILED, "SMS-CAR-411")));
        api = sandbox.client.api();
        alice = sandbox.signedIn(ALICE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void currentExtensionIsTheSignedInUser() {
        ExtensionInfo me = api.currentExtension(alice);

        assertThat(me.id()).isEqualTo(ALICE);
        assertThat(me.extensionNumber()).isEqualTo("101");
        assertThat(me.name()).isEqualTo("Alice Able");
        assertThat(me.type()).isEqualTo("User");
        assertThat(me.status()).isEqualTo("Enabled");
        assertThat(me.accountId()).isEqualTo(Long.toString(ACCOUNT));
    }

    @Test
    void phoneNumbersOfTheDemoUserAreTypedAndClassified() {
        List<PhoneNumber> numbers = api.phoneNumbers(alice);

        assertThat(numbers).extracting(PhoneNumber::phoneNumber).containsExactly(ALICE_SMS, ALICE_A2P);
        PhoneNumber direct = numbers.getFirst();
        assertThat(direct.id()).isEqualTo(400001001L);
        assertThat(direct.features()).contains("SmsSender");
        assertThat(direct.status()).isEqualTo("Normal");
        assertThat(direct.usageType()).isEqualTo("DirectNumber");
        assertThat(direct.type()).isEqualTo("VoiceFax");
        assertThat(direct.paymentType()).isEqualTo("Local");
        assertThat(direct.primary()).isTrue();
        assertThat(direct.smsSender()).isTrue();
        assertThat(direct.a2pOnly()).isFalse();
        assertThat(numbers.get(1).smsSender()).isFalse();
        assertThat(numbers.get(1).a2pOnly()).isTrue();
    }

    @Test
    void phoneNumbersFollowEveryPage() {
        List<io.ringbridge.simulator.directory.PhoneNumber> many = numbers("+1650777%04d", MANY);
        Extension carol = sandbox.admin().addExtension(ACCOUNT, new Extension(0, "177", "Carol Many", null, null,
                new Contact("Carol", "Many", "carol@demo.example.com", null), many));

        List<PhoneNumber> numbers = api.phoneNumbers(sandbox.signedIn(carol.id()));

        assertThat(numbers).hasSize(MANY);
        assertThat(numbers).extracting(PhoneNumber::phoneNumber)
                .containsExactlyElementsOf(many.stream().map(n -> n.phoneNumber()).toList());
        Set<Long> ids = new LinkedHashSet<>(numbers.stream().map(PhoneNumber::id).toList());
        assertThat(ids).hasSize(MANY);
        assertThat(numbers.stream().filter(PhoneNumber::smsSender)).hasSize(MANY / 2);
    }

    @Test
    void phoneNumbersFollowThePagesWhenTotalPagesIsLeftOut() throws IOException {
        // The spec: totalPages "may be omitted for some resources due to performance reasons"; the navigation
        // links (required) still say whether a next page exists.
        Extension dave = sandbox.admin().addExtension(ACCOUNT, new Extension(0, "178", "Dave Paged", null, null, null,
                numbers("+1650778%04d", 150)));
        try (RecordingProxy withoutTotals = new RecordingProxy(sandbox.server, RingCentralApiTest::withoutTotalPages)) {
            RingCentralAccess access = new RingCentralAccess(withoutTotals.uri(), sandbox.signIn(dave.id()).accessToken());

            assertThat(api.phoneNumbers(access)).hasSize(150);
            assertThat(withoutTotals.exchanges).hasSize(2)
                    .allSatisfy(e -> assertThat(new String(e.responseBody(), StandardCharsets.UTF_8))
                            .doesNotContain("totalPages"));
        }
    }

    private static byte[] withoutTotalPages(byte[] body) {
        JsonNode tree = JSON.readTree(body);
        if (tree.path("paging") instanceof ObjectNode paging) {
            paging.remove("totalPages");
            paging.remove("totalElements");
        }
        return JSON.writeValueAsBytes(tree);
    }

    private static List<io.ringbridge.simulator.directory.PhoneNumber> numbers(String format, int count) {
        List<io.ringbridge.simulator.directory.PhoneNumber> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(new io.ringbridge.simulator.directory.PhoneNumber(0, String.format(format, i),
                    i % 2 == 0 ? List.of("SmsSender", "CallerId") : List.of("CallerId"), null, null, null, null,
                    i == 0, null, null));
        }
        return numbers;
    }

    @Test
    void sendSmsIsAcceptedAsQueuedWithTheRateLimitBudget() {
        SmsAccepted accepted = api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "Hello from the client"));

        SmsMessage message = accepted.message();
        assertThat(message.id()).matches("\\d+");
        assertThat(message.uri()).isEqualTo(sandbox.server + "/restapi/v1.0/account/" + ACCOUNT + "/extension/" + ALICE
                + "/message-store/" + message.id());
        assertThat(message.type()).isEqualTo("SMS");
        assertThat(message.direction()).isEqualTo("Outbound");
        assertThat(message.messageStatus()).isEqualTo("Queued");
        assertThat(message.from().phoneNumber()).isEqualTo(ALICE_SMS);
        assertThat(message.to()).extracting(SmsMessage.Party::phoneNumber).containsExactly(CUSTOMER);
        assertThat(message.subject()).isEqualTo("Hello from the client");
        assertThat(message.creationTime()).isNotBlank();
        // SMS is RingCentral's Medium group: 40 requests per user and app per minute.
        assertThat(accepted.rateLimit()).isEqualTo(new RateLimitStatus("medium", 40, 40, Duration.ofSeconds(60)));
        assertThat(accepted.rateLimit().known()).isTrue();
        assertThat(accepted.requestId()).matches("[0-9a-f-]{36}");
        assertThat(sandbox.admin().sendCount(ALICE_SMS, CUSTOMER, "Hello from the client")).isEqualTo(1);
    }

    @Test
    void numberWithoutSmsSenderIsRefusedWithMsg242() {
        RingCentralException e = refused(() -> api.sendSms(alice, new SmsRequest(ALICE_A2P, CUSTOMER, "hi")));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorCodes()).containsExactly("MSG-242");
        assertThat(e.description()).contains("Sending SMS is not available from the number specified.");
        assertThat(e.transientFailure()).isFalse();
        assertThat(e.operation()).isEqualTo("send SMS");
    }

    @Test
    void numberOfAnotherUserIsRefusedWithMsg304() {
        RingCentralException e = refused(() -> api.sendSms(alice, new SmsRequest(Sandbox.BOB_SMS, CUSTOMER, "hi")));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorCodes()).containsExactly("MSG-304");
    }

    @Test
    void textOverOneThousandUtf16UnitsIsRefusedWithMsg338() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 code units
        String atTheLimit = emoji.repeat(500);

        assertThat(api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, atTheLimit)).message().subject())
                .isEqualTo(atTheLimit);
        for (String tooLong : List.of("a".repeat(1001), emoji.repeat(500) + "a")) {
            RingCentralException e = refused(() -> api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, tooLong)));
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCodes()).containsExactly("MSG-338");
        }
    }

    @Test
    void badRecipientIsRefusedWithCmn101() {
        RingCentralException e = refused(() -> api.sendSms(alice, new SmsRequest(ALICE_SMS, "0800-not-e164", "hi")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCodes()).containsExactly("CMN-101");
        assertThat(e.description()).contains("Parameter [to.phoneNumber] value is invalid");
    }

    @Test
    void appWithoutTheSmsPermissionIsRefusedWithCmn401() {
        sandbox.admin().addApp(new App("no-sms-client", "no-sms-secret", "Reads only",
                List.of(Sandbox.REDIRECT_URI.toString()), List.of("ReadAccounts", "ReadMessages")));
        RingCentralApp readOnly = sandbox.app("no-sms-client", "no-sms-secret");
        RingCentralAccess access = sandbox.access(sandbox.signIn(readOnly, ALICE));

        RingCentralException e = refused(() -> api.sendSms(access, new SmsRequest(ALICE_SMS, CUSTOMER, "hi")));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorCodes()).containsExactly("CMN-401");
        assertThat(e.description()).hasValueSatisfying(d -> assertThat(d).contains("[SMS] permission"));
        assertThat(api.currentExtension(access).id()).isEqualTo(ALICE);
    }

    @Test
    void messageStatusMovesFromQueuedToDelivered() throws InterruptedException {
        SmsMessage sent = api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "track me")).message();

        List<String> seen = statusesUntilFinal(sent.id());

        assertThat(seen.getFirst()).isIn("Queued", "Sent");
        assertThat(seen).endsWith("Delivered").doesNotContain("DeliveryFailed", "SendingFailed");
        SmsMessage delivered = api.message(alice, sent.id());
        assertThat(delivered.id()).isEqualTo(sent.id());
        assertThat(delivered.subject()).isEqualTo("track me");
        assertThat(delivered.to()).extracting(SmsMessage.Party::messageStatus).containsExactly("Delivered");
        assertThat(delivered.smsDeliveryTime()).isNotBlank();
        assertThat(delivered.deliveryErrorCode()).isNull();
        assertThat(delivered.lastModifiedTime()).isNotBlank();
        assertThat(delivered.smsSendingAttemptsCount()).isEqualTo(1);
    }

    @Test
    void carrierRejectionShowsAsDeliveryFailedWithItsCode() throws InterruptedException {
        SmsMessage sent = api.sendSms(alice, new SmsRequest(ALICE_SMS, LANDLINE, "to a landline")).message();

        assertThat(statusesUntilFinal(sent.id())).endsWith("DeliveryFailed");
        assertThat(api.message(alice, sent.id()).deliveryErrorCode()).isEqualTo("SMS-CAR-411");
    }

    @Test
    void unknownMessageIsNotFoundWithCmn102() {
        RingCentralException e = refused(() -> api.message(alice, "987654321"));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCodes()).containsExactly("CMN-102");
        assertThat(e.operation()).isEqualTo("read message");
    }

    /** Reads the message until its status is final; returns every status seen, without repeats. */
    private static List<String> statusesUntilFinal(String id) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String status = api.message(alice, id).messageStatus();
            if (seen.isEmpty() || !seen.getLast().equals(status)) {
                seen.add(status);
            }
            if (Set.of("Delivered", "DeliveryFailed", "SendingFailed").contains(status)) {
                return seen;
            }
            Thread.sleep(40);
        }
        throw new AssertionError("no final status within 5 s, saw " + seen);
    }
}
