package io.ringbridge.ringcentral;

import static io.ringbridge.ringcentral.Failures.refused;
import static io.ringbridge.ringcentral.Sandbox.ACCOUNT;
import static io.ringbridge.ringcentral.Sandbox.ALICE;
import static io.ringbridge.ringcentral.Sandbox.ALICE_A2P;
import static io.ringbridge.ringcentral.Sandbox.ALICE_SMS;
import static io.ringbridge.ringcentral.Sandbox.CUSTOMER;
import static io.ringbridge.ringcentral.Sandbox.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.ringbridge.simulator.RingCentralSimulator;
import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.limits.GroupLimit;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.limits.RateLimitSettings;
import io.ringbridge.simulator.subscription.SubscriptionSettings;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request the client sends, and every answer the simulator gives it, checked against RingCentral's own
 * OpenAPI spec (kept outside the repository, never copied into it; its path is {@code -Dringcentral.openapi=<file>},
 * by default beside the clone). A recording proxy sits between the client and the simulator, so what is
 * checked is exactly what crossed the wire.
 *
 * <p>What is checked, and the exceptions this test allows (each deliberate):
 * <ul>
 *   <li>Requests: always in full (path, query, headers, body; the form-encoded token and revoke bodies too).</li>
 *   <li>Answers with a status the spec declares for the operation, successes and errors alike: in full.
 *       {@code additionalProperties} are ignored, because RingCentral composes its schemas with {@code allOf}, where
 *       a strict check would refuse every field of the other parts.</li>
 *   <li>Answers with a status the spec does not declare for the operation (it declares no 401 and no 429 at all,
 *       no 403 for sending SMS, no 401 for the token endpoint, …): the status itself is not a finding; the body
 *       must be JSON of the spec's generic error model, {@code OauthInvalidRequest} for {@code /restapi/oauth/*},
 *       {@code ApiErrorResponseModel} for the REST API.</li>
 *   <li>The authorize URL: its query is validated as the {@code GET /restapi/oauth/authorize} request; the answer is
 *       not, because it is the browser's page, not the client's: RingCentral redirects to its login page (302),
 *       the simulator shows its consent page at once (200).</li>
 *   <li>The {@code subscriptionId} path parameter: the spec limits it to 20 characters, but RingCentral's
 *       subscription ids are UUIDs of 36 (the spec's own {@code SubscriptionInfo} examples, e.g.
 *       {@code 95fecfc9-9cdc-4e94-a78a-89fd65889d37}), and the client must send back the id it was given. Only
 *       that one {@code maxLength} finding on that one parameter is allowed.</li>
 *   <li>Client authentication: the spec's token and revoke operations refer to a security scheme it never
 *       defines ({@code OauthBasicScheme}, the validator warns and skips it), so {@link #authentication} checks
 *       RingCentral's documented rules itself.</li>
 *   <li>RingCX ({@link RingCxApi}) is not part of this spec, so its calls are not checked here.</li>
 * </ul>
 * {@link #theCheckHasTeeth()} makes sure the check would notice a deviation at all.
 */
class RingCentralSpecConformanceTest {
    static final String INSTANT = "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS";
    static final String STATUS_UNKNOWN = "validation.response.status.unknown";

    /** Why the class is skipped, or {@code null}. */
    static String skipped;
    static OpenApiInteractionValidator validator;
    static SchemaValidator schemas;
    static Schema<?> oauthError;
    static Schema<?> apiError;
    static RingCentralSimulator simulator;
    static RecordingProxy proxy;
    static Sandbox sandbox;
    static RingCentralApi api;
    static RingCentralOAuth oauth;

    @BeforeAll
    static void start() throws Exception {
        // Relative to the project directory (Surefire's basedir); CI keeps the spec beside the clone.
        Path spec = Path.of(System.getProperty("basedir", ""))
                .resolve(System.getProperty("ringcentral.openapi", "../../shared/reference/ringcentral-openapi.yml"));
        if (!Files.isRegularFile(spec)) {
            // Assumed per test (below), not here: Surefire would report a class skipped in @BeforeAll as 0 tests
            // run, without the reason.
            skipped = "Spec conformance skipped: RingCentral's OpenAPI spec is not at " + spec.toAbsolutePath()
                    + " (set -Dringcentral.openapi=<file> to check against it)";
            System.err.println(skipped);
            return;
        }
        // Parsed once (the spec is 1.7 MB), with the validator's own loader and options, so that the generic error
        // schemas below come from the very model the validator uses.
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(false);
        OpenAPI model = new OpenApiLoader().loadApi(OpenApiInteractionValidator.SpecSource.specUrl(
                spec.toAbsolutePath().toUri().toString()), List.of(), options);
        LevelResolver levels = LevelResolverFactory.withAdditionalPropertiesIgnored();
        validator = OpenApiInteractionValidator.createFor(model).withLevelResolver(levels).build();
        schemas = new SchemaValidator(model, new MessageResolver(levels));
        oauthError = model.getComponents().getResponses().get("OauthInvalidRequest").getContent()
                .get("application/json").getSchema();
        apiError = model.getComponents().getSchemas().get("ApiErrorResponseModel");

        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false)
                .deliveryTiming(Duration.ofMillis(50), Duration.ofMillis(50)).build());
        proxy = new RecordingProxy(simulator.baseUri());
        sandbox = new Sandbox(simulator, proxy.uri(), Client.create());
        api = sandbox.client.api();
        oauth = sandbox.client.oauth();
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void forget() {
        assumeTrue(skipped == null, skipped);
        simulator.admin().reset();
        proxy.exchanges.clear();
    }

    @Test
    void oauthExchangesConform() {
        TokenSet tokens = sandbox.signIn(ALICE);
        TokenSet refreshed = oauth.refresh(sandbox.app, tokens.refreshToken()).tokens();
        Pkce pkce = Pkce.generate();
        String code = sandbox.code(sandbox.app, ALICE, pkce);
        refused(() -> oauth.exchangeCode(sandbox.app, code, REDIRECT_URI, Pkce.generate().verifier()));
        refused(() -> oauth.refresh(sandbox.app("demo-client-id", "wrong-secret"), refreshed.refreshToken()));
        oauth.revoke(sandbox.app, refreshed.accessToken());
        refused(() -> oauth.refresh(sandbox.app, refreshed.refreshToken()));

        assertConforms("GET /restapi/oauth/authorize -> 200", "POST /restapi/oauth/token -> 200",
                "POST /restapi/oauth/token -> 200", "GET /restapi/oauth/authorize -> 200",
                "POST /restapi/oauth/token -> 400", "POST /restapi/oauth/token -> 401",
                "POST /restapi/oauth/revoke -> 200", "POST /restapi/oauth/token -> 400");
    }

    @Test
    void authorizeUrlWithEveryOptionConforms() {
        Pkce pkce = Pkce.generate();
        Sandbox.consent(oauth.authorizeUrl(sandbox.app, new AuthorizeRequest(REDIRECT_URI, "st", pkce.challenge(),
                "login consent", "1210", "en-US")), ALICE);

        assertConforms("GET /restapi/oauth/authorize -> 200");
    }

    @Test
    void accountExchangesConform() {
        List<io.ringbridge.simulator.directory.PhoneNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            numbers.add(new io.ringbridge.simulator.directory.PhoneNumber(0, String.format("+1650888%04d", i),
                    List.of("SmsSender"), null, null, null, null, i == 0, null, null));
        }
        Extension many = simulator.admin().addExtension(ACCOUNT, new Extension(0, "188", "Page Two", null, null, null,
                numbers));
        RingCentralAccess access = sandbox.signedIn(many.id());
        proxy.exchanges.clear();

        api.currentExtension(access);
        assertThat(api.phoneNumbers(access)).hasSize(120);
        refused(() -> api.currentExtension(new RingCentralAccess(sandbox.server, "not-a-token")));

        assertConforms("GET /restapi/v1.0/account/~/extension/~ -> 200",
                "GET /restapi/v1.0/account/~/extension/~/phone-number?perPage=100&page=1 -> 200",
                "GET /restapi/v1.0/account/~/extension/~/phone-number?perPage=100&page=2 -> 200",
                "GET /restapi/v1.0/account/~/extension/~ -> 401");
    }

    @Test
    void smsExchangesConform() throws InterruptedException {
        RingCentralAccess alice = sandbox.signedIn(ALICE);
        proxy.exchanges.clear();

        SmsAccepted sent = api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "conform \uD83D\uDE00"));
        api.message(alice, sent.message().id());
        Thread.sleep(200);
        api.message(alice, sent.message().id());
        refused(() -> api.message(alice, "123456789"));
        refused(() -> api.sendSms(alice, new SmsRequest(ALICE_A2P, CUSTOMER, "no")));
        refused(() -> api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "a".repeat(1001))));
        simulator.admin().rateLimits(RateLimitSettings.standard().enabled(true)
                .with(RateGroup.MEDIUM, new GroupLimit(1, Duration.ofMinutes(1), Duration.ofSeconds(1))));
        try {
            api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "first"));
            refused(() -> api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "second")));
        } finally {
            simulator.admin().rateLimitsEnabled(false);
        }

        String sms = "POST /restapi/v1.0/account/~/extension/~/sms -> ";
        String message = "GET /restapi/v1.0/account/~/extension/~/message-store/";
        assertConforms(sms + "200", message + sent.message().id() + " -> 200", message + sent.message().id() + " -> 200",
                message + "123456789 -> 404", sms + "403", sms + "400", sms + "200", sms + "429");
    }

    @Test
    void subscriptionExchangesConform() throws Exception {
        RingCentralAccess alice = sandbox.signedIn(ALICE);
        SubscriptionSettings standard = SubscriptionSettings.standard();
        try (Hook hook = new Hook()) {
            proxy.exchanges.clear();
            Subscription s = api.createSubscription(alice, new SubscriptionRequest(List.of(INSTANT), hook.address(),
                    "vt", 315_360_000L));
            api.createSubscription(alice, new SubscriptionRequest(List.of(INSTANT), hook.address(), null, 600));
            api.subscription(alice, s.id());
            api.subscriptions(alice);
            api.renewSubscription(alice, s.id());
            api.updateSubscription(alice, s.id(), List.of(INSTANT, "/restapi/v1.0/account/~/extension/~/message-store"),
                    1200);
            simulator.admin().blacklistSubscription(s.id(), "Webhook responses with code: [404], reason: [Not Found]");
            api.subscription(alice, s.id());
            api.deleteSubscription(alice, s.id());
            refused(() -> api.subscription(alice, s.id()));
            refused(() -> api.deleteSubscription(alice, s.id()));
            refused(() -> api.renewSubscription(alice, s.id()));
            hook.echo = false;
            refused(() -> api.createSubscription(alice, new SubscriptionRequest(List.of(INSTANT), hook.address(), "vt", 600)));
            hook.echo = true;
            simulator.admin().subscriptionSettings(new SubscriptionSettings(standard.defaultExpiresIn(),
                    standard.maxExpiresIn(), 1, standard.handshakeTimeout(), standard.handshakeMaxBytes(),
                    standard.deliveryTimeout(), standard.blacklistAfter()));
            refused(() -> api.createSubscription(alice, new SubscriptionRequest(List.of(INSTANT), hook.address(), "vt", 600)));
            simulator.admin().addFault(FaultRule.error("listSubscriptions", 503, 1.0, 1));
            refused(() -> api.subscriptions(alice));

            String one = "/restapi/v1.0/subscription/" + s.id();
            assertConforms("POST /restapi/v1.0/subscription -> 200", "POST /restapi/v1.0/subscription -> 200",
                    "GET " + one + " -> 200", "GET /restapi/v1.0/subscription -> 200", "POST " + one + "/renew -> 200",
                    "PUT " + one + " -> 200", "GET " + one + " -> 200", "DELETE " + one + " -> 204",
                    "GET " + one + " -> 404", "DELETE " + one + " -> 404", "POST " + one + "/renew -> 404",
                    "POST /restapi/v1.0/subscription -> 400", "POST /restapi/v1.0/subscription -> 403",
                    "GET /restapi/v1.0/subscription -> 503");
        } finally {
            simulator.admin().subscriptionSettings(standard);
        }
    }

    @Test
    void theCheckHasTeeth() {
        RingCentralAccess alice = sandbox.signedIn(ALICE);
        api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "teeth"));
        List<RecordingProxy.Exchange> recorded = List.copyOf(proxy.exchanges);
        RecordingProxy.Exchange token = recorded.get(1);
        RecordingProxy.Exchange sms = recorded.getLast();
        assertThat(token.path()).isEqualTo("/restapi/oauth/token");
        assertThat(check(token)).isEmpty();
        assertThat(check(sms)).isEmpty();

        // Each of these deviations must be caught: request body (JSON and form), query parameter, answer body.
        assertThat(check(withRequestBody(sms, "{\"from\":{\"phoneNumber\":\"+16505550101\"},\"text\":\"no to\"}")))
                .singleElement().asString().contains("validation.request.body.schema.required");
        assertThat(check(withRequestBody(token, "grant_type=refresh_token")))
                .singleElement().asString().contains("validation.request.body.schema");
        assertThat(check(new RecordingProxy.Exchange("GET", "/restapi/v1.0/account/~/extension/~/phone-number", "page=x",
                Map.of("authorization", List.of("Bearer t")), new byte[0], 200, Map.of(), new byte[0])))
                .anyMatch(f -> f.contains("page"));
        assertThat(check(new RecordingProxy.Exchange(sms.method(), sms.path(), null, sms.requestHeaders(),
                sms.requestBody(), 200, sms.responseHeaders(), "{\"id\":\"not-a-number\"}".getBytes(StandardCharsets.UTF_8))))
                .singleElement().asString().contains("answer", "validation.response.body.schema.type", "/id");
        Map<String, List<String>> secretInBody = new LinkedHashMap<>(token.requestHeaders());
        secretInBody.remove("authorization");
        assertThat(check(new RecordingProxy.Exchange(token.method(), token.path(), null, secretInBody,
                (new String(token.requestBody(), StandardCharsets.UTF_8) + "&client_id=demo-client-id&client_secret=s")
                        .getBytes(StandardCharsets.UTF_8), token.status(), token.responseHeaders(), token.responseBody())))
                .anyMatch(f -> f.contains("no HTTP Basic")).anyMatch(f -> f.contains("client secret in the body"));
        // An undeclared error status with a body that is not RingCentral's error model.
        assertThat(check(new RecordingProxy.Exchange(sms.method(), sms.path(), null, sms.requestHeaders(),
                sms.requestBody(), 403, Map.of("content-type", List.of("application/json")),
                "{\"message\":\"no errors array\"}".getBytes(StandardCharsets.UTF_8))))
                .anyMatch(f -> f.contains("error body"));
    }

    private static RecordingProxy.Exchange withRequestBody(RecordingProxy.Exchange e, String body) {
        return new RecordingProxy.Exchange(e.method(), e.path(), e.rawQuery(), e.requestHeaders(),
                body.getBytes(StandardCharsets.UTF_8), e.status(), e.responseHeaders(), e.responseBody());
    }

    /** The recorded exchanges are the expected ones, in order, and every one of them conforms. */
    private static void assertConforms(String... expected) {
        List<RecordingProxy.Exchange> seen = List.copyOf(proxy.exchanges);
        assertThat(seen).extracting(RecordingProxy.Exchange::toString).containsExactly(expected);
        List<String> findings = new ArrayList<>();
        for (RecordingProxy.Exchange exchange : seen) {
            findings.addAll(check(exchange));
        }
        assertThat(findings).as("deviations from RingCentral's OpenAPI spec").isEmpty();
    }

    private static List<String> check(RecordingProxy.Exchange exchange) {
        List<String> findings = new ArrayList<>();
        Request request = request(exchange);
        report(findings, exchange + " request", validator.validateRequest(request));
        findings.addAll(authentication(exchange));
        if (exchange.path().equals("/restapi/oauth/authorize")) {
            return findings; // the browser's page, see the class comment
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody().length > 0) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport answer = validator.validateResponse(exchange.path(), request.getMethod(), response.build());
        boolean undeclared = answer.getMessages().stream().anyMatch(m -> m.getKey().equals(STATUS_UNKNOWN));
        if (!undeclared) {
            report(findings, exchange + " answer", answer);
            return findings;
        }
        // A status the spec does not list for this operation: only error statuses may get here, and their body
        // must be RingCentral's generic error model.
        if (exchange.status() < 400) {
            findings.add(exchange + " answer: status not in the spec");
            return findings;
        }
        String contentType = String.valueOf(exchange.responseHeader("content-type"));
        if (!contentType.startsWith("application/json")) {
            findings.add(exchange + " answer: error body is " + contentType + ", not JSON");
            return findings;
        }
        Schema<?> model = exchange.path().startsWith("/restapi/oauth/") ? oauthError : apiError;
        report(findings, exchange + " error body", schemas.validate(
                new String(exchange.responseBody(), StandardCharsets.UTF_8), model, "response.body"));
        return findings;
    }

    /**
     * The headers the validator cannot judge here: the spec's token and revoke operations name a security scheme
     * it never defines ({@code OauthBasicScheme}; the validator logs a warning and skips it), and the global OAuth2
     * scheme does not say how the token travels. RingCentral's rules (facts §2.2, §2.6): confidential apps
     * authenticate with HTTP Basic and never put the secret in the body; API calls carry a Bearer token.
     */
    private static List<String> authentication(RecordingProxy.Exchange exchange) {
        List<String> findings = new ArrayList<>();
        String authorization = String.valueOf(exchange.requestHeader("authorization"));
        String body = new String(exchange.requestBody(), StandardCharsets.UTF_8);
        if (exchange.path().equals("/restapi/oauth/token") || exchange.path().equals("/restapi/oauth/revoke")) {
            String credentials = authorization.startsWith("Basic ") ? new String(
                    Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8) : "";
            if (!credentials.matches(Pattern.quote(Sandbox.CLIENT_ID) + ":.+")) {
                findings.add(exchange + " request: no HTTP Basic client authentication");
            }
            if (body.contains("client_secret")) {
                findings.add(exchange + " request: client secret in the body");
            }
        } else if (exchange.path().startsWith("/restapi/v1.0/") && !authorization.matches("Bearer \\S+")) {
            findings.add(exchange + " request: no Bearer token");
        }
        return findings;
    }

    private static Request request(RecordingProxy.Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        query(exchange.rawQuery()).forEach(request::withQueryParam);
        if (exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                params.computeIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        k -> new ArrayList<>()).add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void report(List<String> findings, String what, ValidationReport report) {
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !specDefect(m))
                .forEach(m -> findings.add(what + ": [" + m.getKey() + "] " + m.getMessage()));
    }

    /** The spec's 20-character limit on {@code subscriptionId}, which RingCentral's own UUID ids break. */
    private static boolean specDefect(ValidationReport.Message m) {
        return m.getKey().equals("validation.request.parameter.schema.maxLength")
                && m.getContext().flatMap(ValidationReport.MessageContext::getParameter)
                        .map(p -> p.getName().equals("subscriptionId")).orElse(false)
                && m.getMessage().matches("(?s).*\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\".*");
    }
}
