package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.ALICE_SMS;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.ringbridge.testsupport.ScratchDirectories;

/** The simulator's servlet mounted under a prefix in a host Tomcat, as the gateway does in sandbox mode. */
class MountedSimulatorTest {
    static Tomcat host;
    static RingCentralSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void mount() throws Exception {
        simulator = RingCentralSimulator.mountable(SimulatorConfig.builder().rateLimitsEnabled(false)
                .label("SANDBOX").build());
        host = new Tomcat();
        host.setBaseDir(ScratchDirectories.create("mounted-sim").toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        host.setConnector(connector);
        Context context = host.addContext("", null);
        Tomcat.addServlet(context, "sandbox", simulator.servlet());
        context.addServletMappingDecoded("/sandbox/ringcentral/*", "sandbox");
        host.start();
        client = new SimulatorClient("http://127.0.0.1:" + connector.getLocalPort() + "/sandbox/ringcentral");
    }

    @AfterAll
    static void unmount() throws Exception {
        simulator.close();
        host.stop();
        host.destroy();
    }

    @Test
    void urlsFollowTheMountPrefix() {
        assertThat(simulator.baseUri()).isNull();
        HttpResponse<String> page = client.authorizePage(Map.of("response_type", "code",
                "client_id", SimulatorClient.CLIENT_ID, "redirect_uri", SimulatorClient.REDIRECT_URI));
        assertThat(page.body()).contains("action=\"" + client.base + "/restapi/oauth/consent\"", "SANDBOX");
        String token = client.accessToken(ALICE);
        JsonNode me = json(client.get("/restapi/v1.0/account/~/extension/~", token));
        assertThat(me.get("uri").asString()).startsWith(client.base + "/restapi/v1.0/account/");
        JsonNode sms = json(client.sendSms(token, ALICE_SMS, "+14155550100", "mounted"));
        assertThat(sms.get("uri").asString()).startsWith(client.base + "/restapi/v1.0/account/400000001/extension/");
        HttpResponse<String> inbound = client.postJson("/inbound", null,
                "{\"from\":\"+14155550100\",\"to\":\"" + ALICE_SMS + "\",\"text\":\"hello\"}");
        assertThat(inbound.statusCode()).isEqualTo(202);
        assertThat(simulator.admin().messages()).anyMatch(m -> m.text().equals("hello"));
        assertThat(client.get("/", null).body()).contains("SANDBOX", client.base);
    }

    @Test
    void unknownPathIsRingCentral404() {
        HttpResponse<String> r = client.get("/restapi/v1.0/nothing-here", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.errorCode(r)).isEqualTo("CMN-120");
        assertThat(r.headers().firstValue("RCRequestId")).isPresent();
    }
}
