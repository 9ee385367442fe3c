package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.BOB;
import static io.ringbridge.simulator.SimulatorClient.REDIRECT_URI;
import static io.ringbridge.simulator.SimulatorClient.errorCode;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.PhoneNumber;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The extension and its phone numbers (paged). */
class AccountApiTest {
    static RingCentralSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false).build());
        for (int i = 0; i < 4; i++) {
            simulator.admin().addPhoneNumber(BOB, new PhoneNumber(0, "+1650555020" + i, List.of("SmsSender"),
                    "Normal", "DirectNumber", "Local", "VoiceFax", false, null, null));
        }
        simulator.admin().addApp(new App("sms-only-app", "so-secret", "SMS only", List.of(REDIRECT_URI),
                List.of("SMS")));
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void currentExtension() {
        String token = client.accessToken(ALICE);
        for (String path : List.of("/restapi/v1.0/account/~/extension/~",
                "/restapi/v1.0/account/400000001/extension/" + ALICE)) {
            HttpResponse<String> r = client.get(path, token);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode e = json(r);
            assertThat(e.get("id").asLong()).isEqualTo(ALICE);
            assertThat(e.get("uri").asString())
                    .isEqualTo(client.base + "/restapi/v1.0/account/400000001/extension/" + ALICE);
            assertThat(e.get("extensionNumber").asString()).isEqualTo("101");
            assertThat(e.get("name").asString()).isEqualTo("Alice Able");
            assertThat(e.get("type").asString()).isEqualTo("User");
            assertThat(e.get("status").asString()).isEqualTo("Enabled");
            assertThat(e.get("account").get("id").asString()).isEqualTo("400000001");
            assertThat(e.get("contact").get("email").asString()).isEqualTo("alice@demo.example.com");
        }
        HttpResponse<String> other = client.get("/restapi/v1.0/account/~/extension/" + BOB, token);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(errorCode(other)).isEqualTo("CMN-404");
        assertThat(client.get("/restapi/v1.0/account/~/extension/123", token).statusCode()).isEqualTo(404);
    }

    @Test
    void currentAccount() {
        JsonNode account = json(client.get("/restapi/v1.0/account/~", client.accessToken(ALICE)));
        assertThat(account.get("id").asLong()).isEqualTo(400000001L);
        assertThat(account.get("uri").asString()).isEqualTo(client.base + "/restapi/v1.0/account/400000001");
        assertThat(account.get("mainNumber").asString()).isEqualTo("+16505550101");
        assertThat(account.get("status").asString()).isEqualTo("Confirmed");
    }

    @Test
    void phoneNumbersWithFeatures() {
        JsonNode list = json(client.get("/restapi/v1.0/account/~/extension/~/phone-number", client.accessToken(ALICE)));
        assertThat(list.get("records")).hasSize(2);
        JsonNode sms = list.get("records").get(0);
        assertThat(sms.get("phoneNumber").asString()).isEqualTo("+16505550101");
        assertThat(sms.get("features").toString()).contains("SmsSender");
        assertThat(sms.get("status").asString()).isEqualTo("Normal");
        assertThat(sms.get("usageType").asString()).isEqualTo("DirectNumber");
        assertThat(sms.get("primary").asBoolean()).isTrue();
        JsonNode a2p = list.get("records").get(1);
        assertThat(a2p.get("features").toString()).contains("A2PSmsSender").doesNotContain("\"SmsSender\"");
        assertThat(list.get("paging").get("totalElements").asInt()).isEqualTo(2);
    }

    @Test
    void phoneNumbersArePaged() {
        String bob = client.accessToken(BOB);
        JsonNode page1 = json(client.get("/restapi/v1.0/account/~/extension/~/phone-number?perPage=2", bob));
        assertThat(page1.get("records")).hasSize(2);
        JsonNode paging = page1.get("paging");
        assertThat(paging.get("page").asInt()).isEqualTo(1);
        assertThat(paging.get("perPage").asInt()).isEqualTo(2);
        assertThat(paging.get("totalPages").asInt()).isEqualTo(3);
        assertThat(paging.get("totalElements").asInt()).isEqualTo(5);
        assertThat(paging.get("pageStart").asInt()).isZero();
        assertThat(paging.get("pageEnd").asInt()).isEqualTo(1);
        String next = page1.get("navigation").get("nextPage").get("uri").asString();
        assertThat(page1.get("navigation").has("previousPage")).isFalse();
        JsonNode page2 = json(client.get(next, bob));
        assertThat(page2.get("paging").get("page").asInt()).isEqualTo(2);
        JsonNode page3 = json(client.get(page2.get("navigation").get("nextPage").get("uri").asString(), bob));
        assertThat(page3.get("records")).hasSize(1);
        assertThat(page3.get("navigation").has("nextPage")).isFalse();
        assertThat(page3.get("navigation").get("previousPage").get("uri").asString()).contains("page=2");
        assertThat(errorCode(client.get("/restapi/v1.0/account/~/extension/~/phone-number?perPage=0", bob)))
                .isEqualTo("CMN-101");
    }

    @Test
    void readAccountsPermissionIsRequired() {
        String token = client.accessToken("sms-only-app", "so-secret", ALICE);
        HttpResponse<String> r = client.get("/restapi/v1.0/account/~/extension/~", token);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(errorCode(r)).isEqualTo("CMN-401");
        assertThat(json(r).get("message").asString()).contains("[ReadAccounts]");
    }
}
