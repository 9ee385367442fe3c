package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.ALICE;
import static io.ringbridge.simulator.SimulatorClient.ALICE_SMS;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the simulator's answers against RingCentral's own OpenAPI spec (kept outside the repository, never
 * copied into it; its path is {@code -Dringcentral.openapi=<file>}, by default beside the clone).
 */
class OpenApiConformanceTest {
    static RingCentralSimulator simulator;
    static SimulatorClient client;
    static OpenApiInteractionValidator validator;
    static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        Path spec = Path.of(System.getProperty("ringcentral.openapi", "../../shared/reference/ringcentral-openapi.yml"));
        assumeTrue(Files.isRegularFile(spec), "RingCentral OpenAPI spec not found at " + spec.toAbsolutePath());
        validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toAbsolutePath().toUri().toString())
                // RingCentral's schemas compose with allOf; strict additionalProperties would reject every allOf.
                .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                .build();
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false).build());
        client = new SimulatorClient(simulator);
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
            receiver.close();
        }
    }

    private static void conforms(String method, HttpResponse<String> response) {
        String path = URI.create(response.uri().toString()).getPath();
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(ct -> builder.withContentType(ct));
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), builder.build());
        assertThat(report.getMessages()).as(method + " " + path + " -> " + response.body()).isEmpty();
    }

    @Test
    void oauthAnswersConform() {
        HttpResponse<String> token = client.token(Map.of("grant_type", "authorization_code",
                "code", client.code(ALICE), "redirect_uri", SimulatorClient.REDIRECT_URI));
        conforms("POST", token);
        conforms("POST", client.refresh("nope"));
        conforms("POST", client.refresh(json(token).get("refresh_token").asString()));
    }

    @Test
    void accountAnswersConform() {
        String token = client.accessToken(ALICE);
        conforms("GET", client.get("/restapi/v1.0/account/~", token));
        conforms("GET", client.get("/restapi/v1.0/account/~/extension/~", token));
        conforms("GET", client.get("/restapi/v1.0/account/~/extension/~/phone-number?perPage=1", token));
    }

    @Test
    void smsAnswersConform() {
        String token = client.accessToken(ALICE);
        HttpResponse<String> sent = client.sendSms(token, ALICE_SMS, "+14155550100", "conform");
        conforms("POST", sent);
        conforms("GET", client.get("/restapi/v1.0/account/~/extension/~/message-store/"
                + json(sent).get("id").asLong(), token));
        conforms("GET", client.get("/restapi/v1.0/account/~/extension/~/message-store", token));
    }

    @Test
    void subscriptionAnswersConform() {
        String token = client.accessToken(ALICE);
        HttpResponse<String> created = client.postJson("/restapi/v1.0/subscription", token,
                "{\"eventFilters\":[\"/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS\"],"
                        + "\"deliveryMode\":{\"transportType\":\"WebHook\",\"address\":\"" + receiver.address() + "\"}}");
        conforms("POST", created);
        String id = json(created).get("id").asString();
        conforms("GET", client.get("/restapi/v1.0/subscription/" + id, token));
        conforms("GET", client.get("/restapi/v1.0/subscription", token));
        conforms("POST", client.postJson("/restapi/v1.0/subscription/" + id + "/renew", token, ""));
        simulator.admin().blacklistSubscription(id, "Webhook responses with code: [404], reason: [Not Found]");
        conforms("GET", client.get("/restapi/v1.0/subscription/" + id, token));
        conforms("PUT", client.putJson("/restapi/v1.0/subscription/" + id, token, "{\"eventFilters\":"
                + "[\"/restapi/v1.0/account/~/extension/~/message-store\"],\"expiresIn\":600}"));
        conforms("POST", client.postJson("/restapi/v1.0/subscription", token,
                "{\"eventFilters\":[\"/restapi/v1.0/account/~/extension/~/message-store\"],"
                        + "\"deliveryMode\":{\"transportType\":\"WebHook\",\"address\":\"" + receiver.address()
                        + "\"},\"expiresIn\":0}"));
        conforms("DELETE", client.delete("/restapi/v1.0/subscription/" + id, token));
        conforms("DELETE", client.delete("/restapi/v1.0/subscription/" + id, token));
    }
}
