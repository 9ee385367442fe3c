package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.ALICE_A2P;
import static io.ringbridge.simulator.SimulatorClient.ALICE_SMS;
import static io.ringbridge.simulator.SimulatorClient.BOB_SMS;
import static io.ringbridge.simulator.SimulatorClient.REDIRECT_URI;
import static io.ringbridge.simulator.SimulatorClient.errorCode;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.admin.MessageView;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.sms.DeliveryOutcome;
import io.ringbridge.simulator.sms.DeliveryRule;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sending SMS: validation as RingCentral does it, the status timeline by rule, message reads, send counts. */
class SmsTest {
    static RingCentralSimulator simulator;
    static SimulatorClient client;
    static String alice;

    @BeforeAll
    static void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false)
                .deliveryTiming(Duration.ofMillis(100), Duration.ofMillis(200))
                .deliveryRule(new DeliveryRule("\\+1555.*", DeliveryOutcome.DELIVERY_FAILED, "SMS-CAR-411"))
                .deliveryRule(new DeliveryRule("\\+1666.*", DeliveryOutcome.SENDING_FAILED, null))
                .build());
        simulator.admin().addApp(new App("read-only-app", "ro-secret", "Read only", List.of(REDIRECT_URI),
                List.of("ReadAccounts")));
        client = new SimulatorClient(simulator);
        alice = client.accessToken(ALICE);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void acceptedMessageIsQueuedWithRingCentralShape() {
        HttpResponse<String> r = client.sendSms(alice, ALICE_SMS, "+14155550100", "Hello from the test");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode m = json(r);
        assertThat(m.get("id").isIntegralNumber()).isTrue();
        assertThat(m.get("uri").asString()).isEqualTo(client.base + "/restapi/v1.0/account/400000001/extension/"
                + ALICE + "/message-store/" + m.get("id").asLong());
        assertThat(m.get("messageStatus").asString()).isEqualTo("Queued");
        assertThat(m.get("type").asString()).isEqualTo("SMS");
        assertThat(m.get("direction").asString()).isEqualTo("Outbound");
        assertThat(m.get("from").get("phoneNumber").asString()).isEqualTo(ALICE_SMS);
        assertThat(m.get("to").get(0).get("phoneNumber").asString()).isEqualTo("+14155550100");
        assertThat(m.get("subject").asString()).isEqualTo("Hello from the test");
        assertThat(m.get("creationTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(m.get("conversation").get("id").isString()).isTrue();
    }

    @Test
    void statusMovesToDeliveredOrFailedByRule() throws Exception {
        long delivered = json(client.sendSms(alice, ALICE_SMS, "+14155550111", "ok")).get("id").asLong();
        long failed = json(client.sendSms(alice, ALICE_SMS, "+15555550111", "bad")).get("id").asLong();
        long notSent = json(client.sendSms(alice, ALICE_SMS, "+16665550111", "never")).get("id").asLong();
        Thread.sleep(600);
        JsonNode d = json(client.get(path(delivered), alice));
        assertThat(d.get("messageStatus").asString()).isEqualTo("Delivered");
        assertThat(d.get("smsDeliveryTime")).isNotNull();
        assertThat(d.get("deliveryErrorCode")).isNull();
        assertThat(d.get("extensionId").asString()).isEqualTo(Long.toString(ALICE));
        assertThat(d.get("segmentCount").asInt()).isEqualTo(1);
        JsonNode f = json(client.get(path(failed), alice));
        assertThat(f.get("messageStatus").asString()).isEqualTo("DeliveryFailed");
        assertThat(f.get("deliveryErrorCode").asString()).isEqualTo("SMS-CAR-411");
        JsonNode s = json(client.get(path(notSent), alice));
        assertThat(s.get("messageStatus").asString()).isEqualTo("SendingFailed");
        assertThat(s.get("deliveryErrorCode").asString()).isEqualTo("SMS-RC-500");
    }

    @Test
    void duplicatesAreCountedPerFromToText() {
        client.sendSms(alice, ALICE_SMS, "+14155550122", "same text");
        client.sendSms(alice, ALICE_SMS, "+14155550122", "same text");
        client.sendSms(alice, ALICE_SMS, "+14155550122", "other text");
        assertThat(simulator.admin().sendCount(ALICE_SMS, "+14155550122", "same text")).isEqualTo(2);
        assertThat(simulator.admin().sendCount(ALICE_SMS, "+14155550122", "other text")).isEqualTo(1);
        List<MessageView> all = simulator.admin().messages();
        assertThat(all).filteredOn(m -> m.to().contains("+14155550122")).hasSize(3)
                .allMatch(m -> m.direction().equals("Outbound"));
        HttpResponse<String> counts = client.get("/admin/send-counts", null);
        assertThat(counts.body()).contains("\"text\":\"same text\",\"count\":2");
    }

    @Test
    void fromMustBeAnSmsSenderOfTheCaller() {
        HttpResponse<String> notMine = client.sendSms(alice, BOB_SMS, "+14155550100", "x");
        assertThat(notMine.statusCode()).isEqualTo(403);
        assertThat(errorCode(notMine)).isEqualTo("MSG-304");
        HttpResponse<String> a2p = client.sendSms(alice, ALICE_A2P, "+14155550100", "x");
        assertThat(a2p.statusCode()).isEqualTo(403);
        assertThat(errorCode(a2p)).isEqualTo("MSG-242");
        assertThat(json(a2p).get("message").asString())
                .isEqualTo("Sending SMS is not available from the number specified.");
    }

    @Test
    void recipientAndTextAreValidated() {
        HttpResponse<String> badTo = client.sendSms(alice, ALICE_SMS, "12345", "x");
        assertThat(badTo.statusCode()).isEqualTo(400);
        assertThat(errorCode(badTo)).isEqualTo("CMN-101");
        assertThat(json(badTo).get("errors").get(0).get("parameterName").asString()).isEqualTo("to.phoneNumber");
        HttpResponse<String> empty = client.sendSms(alice, ALICE_SMS, "+14155550100", "");
        assertThat(errorCode(empty)).isEqualTo("CMN-101");
        HttpResponse<String> noTo = client.postJson("/restapi/v1.0/account/~/extension/~/sms", alice,
                "{\"from\":{\"phoneNumber\":\"" + ALICE_SMS + "\"},\"to\":[],\"text\":\"x\"}");
        assertThat(errorCode(noTo)).isEqualTo("CMN-101");
        HttpResponse<String> notJson = client.postJson("/restapi/v1.0/account/~/extension/~/sms", alice, "{oops");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(errorCode(notJson)).isEqualTo("CMN-103");
        HttpResponse<String> abroad = client.sendSms(alice, ALICE_SMS, "+442071234567", "x");
        assertThat(abroad.statusCode()).isEqualTo(403);
        assertThat(errorCode(abroad)).isEqualTo("MSG-240");
    }

    @Test
    void textLimitIsThousandUtf16CodeUnits() {
        assertThat(client.sendSms(alice, ALICE_SMS, "+14155550133", "a".repeat(1000)).statusCode()).isEqualTo(200);
        HttpResponse<String> tooLong = client.sendSms(alice, ALICE_SMS, "+14155550133", "a".repeat(1001));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(errorCode(tooLong)).isEqualTo("MSG-338");
        String emoji = "\uD83D\uDE00";
        assertThat(client.sendSms(alice, ALICE_SMS, "+14155550133", emoji.repeat(500)).statusCode()).isEqualTo(200);
        assertThat(errorCode(client.sendSms(alice, ALICE_SMS, "+14155550133", emoji.repeat(501))))
                .isEqualTo("MSG-338");
    }

    @Test
    void appPermissionsAreEnforced() {
        String readOnly = client.accessToken("read-only-app", "ro-secret", ALICE);
        HttpResponse<String> send = client.sendSms(readOnly, ALICE_SMS, "+14155550100", "x");
        assertThat(send.statusCode()).isEqualTo(403);
        assertThat(errorCode(send)).isEqualTo("CMN-401");
        assertThat(json(send).get("errors").get(0).get("permissionName").asString()).isEqualTo("SMS");
        long id = json(client.sendSms(alice, ALICE_SMS, "+14155550100", "x")).get("id").asLong();
        HttpResponse<String> read = client.get(path(id), readOnly);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(json(read).get("permissionName").asString()).isEqualTo("ReadMessages");
    }

    @Test
    void messagesOfOtherUsersAreNotFound() {
        long id = json(client.sendSms(alice, ALICE_SMS, "+14155550100", "mine")).get("id").asLong();
        String bob = client.accessToken(SimulatorClient.BOB);
        HttpResponse<String> r = client.get(path(id), bob);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(errorCode(r)).isEqualTo("CMN-102");
        assertThat(client.get("/restapi/v1.0/account/~/extension/~/message-store/999", alice).statusCode())
                .isEqualTo(404);
    }

    @Test
    void messageStoreListsOwnMessagesNewestFirst() {
        String bob = client.accessToken(SimulatorClient.BOB);
        client.sendSms(bob, BOB_SMS, "+14155550144", "first");
        client.sendSms(bob, BOB_SMS, "+14155550144", "second");
        JsonNode list = json(client.get("/restapi/v1.0/account/~/extension/~/message-store?direction=Outbound"
                + "&perPage=1", bob));
        assertThat(list.get("records")).hasSize(1);
        assertThat(list.get("records").get(0).get("subject").asString()).isEqualTo("second");
        assertThat(list.get("paging").get("totalElements").asInt()).isEqualTo(2);
        assertThat(list.get("navigation").get("nextPage").get("uri").asString()).contains("page=2");
    }

    @Test
    void messageStoreKeepsAtMostItsCapacity() {
        try (RingCentralSimulator small = RingCentralSimulator.start(SimulatorConfig.builder()
                .rateLimitsEnabled(false).maxMessages(3).build())) {
            SimulatorClient c = new SimulatorClient(small);
            String token = c.accessToken(ALICE);
            long first = json(c.sendSms(token, ALICE_SMS, "+14155550155", "cap")).get("id").asLong();
            for (int i = 0; i < 4; i++) {
                c.sendSms(token, ALICE_SMS, "+14155550155", "cap");
            }
            assertThat(small.admin().messages()).hasSize(3);
            assertThat(small.admin().sendCount(ALICE_SMS, "+14155550155", "cap")).isEqualTo(5);
            assertThat(c.get(path(first), token).statusCode()).isEqualTo(404);
        }
    }

    private static String path(long id) {
        return "/restapi/v1.0/account/~/extension/~/message-store/" + id;
    }
}
