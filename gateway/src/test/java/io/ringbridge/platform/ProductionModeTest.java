package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.platform.config.StartupRefusedException;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/** RINGBRIDGE_MODE=production: what it refuses to start without, and what it refuses at run time. */
@EveryDatabase
class ProductionModeTest {

    static final String KEYS = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

    static TestGateway production;

    @Parameter
    Database database;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        production = TestGateway.on(database)
                .property("ringbridge.mode", "production")
                .property("ringbridge.encryption-keys", KEYS)
                .property("ringbridge.public-url", "https://sms.example.com")
                .property("ringcentral.client-id", "operator-app")
                .property("ringcentral.client-secret", "operator-secret")
                .start();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        production.close();
    }

    @Test
    void refusesToStartWithoutKeysAndHttpsUrlAndNamesEveryMissingSettingInOneLine() {
        assertThat(refusal(() -> TestGateway.on(database).property("ringbridge.mode", "production")
                .withoutProperty("ringbridge.admin-key").start()))
                .hasMessageContainingAll("RINGBRIDGE_ENCRYPTION_KEYS", "RINGBRIDGE_ADMIN_KEY", "RINGBRIDGE_PUBLIC_URL")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesAPlainHttpPublicUrl() {
        assertThat(refusal(() -> TestGateway.on(database).property("ringbridge.mode", "production")
                .property("ringbridge.encryption-keys", KEYS)
                .property("ringbridge.public-url", "http://sms.example.com").start()))
                .hasMessageContaining("RINGBRIDGE_PUBLIC_URL")
                .hasMessageNotContaining("RINGBRIDGE_ENCRYPTION_KEYS")
                .hasMessageNotContaining("RINGBRIDGE_ADMIN_KEY");
    }

    @Test
    void refusesMalformedKeysInAnyMode() {
        assertThat(refusal(() -> TestGateway.on(database).property("ringbridge.admin-key", "letmein").start()))
                .hasMessageContaining("RINGBRIDGE_ADMIN_KEY must look like an API key");
        assertThat(refusal(() -> TestGateway.on(database).property("ringbridge.encryption-keys", "k1:c2hvcnQ=").start()))
                .hasMessageContaining("must be 32 bytes");
    }

    /** Issue 14: a production gateway without RingCentral credentials ran the sandbox and served its secrets. */
    @Test
    void refusesToStartWithoutTheOperatorsRingCentralApp() {
        assertThat(refusal(() -> TestGateway.on(database).property("ringbridge.mode", "production")
                .property("ringbridge.encryption-keys", KEYS)
                .property("ringbridge.public-url", "https://sms.example.com").start()))
                .hasMessage("RINGBRIDGE_MODE=production refuses to start; missing: RINGCENTRAL_CLIENT_ID (production "
                        + "never runs the sandbox), RINGCENTRAL_CLIENT_SECRET");
        assertThat(refusal(() -> TestGateway.on(database).property("ringbridge.mode", "production")
                .property("ringbridge.encryption-keys", KEYS)
                .property("ringbridge.public-url", "https://sms.example.com")
                .property("ringcentral.client-id", "operator-app").property("ringcentral.client-secret", " ")
                .property("ringcentral.server", "http://platform.ringcentral.com").start()))
                .hasMessage("RINGBRIDGE_MODE=production refuses to start; missing: RINGCENTRAL_CLIENT_SECRET, "
                        + "RINGCENTRAL_SERVER (an https:// URL)");
    }

    /** Issue 14's reproductions against a production gateway: none of the simulator's routes exists. */
    @Test
    void theSimulatorIsNeverMountedInProduction() {
        Api api = production.api();
        Map<String, String> https = Map.of("X-Forwarded-Proto", "https", "Content-Type", "application/json");
        Map<String, String> probes = new java.util.LinkedHashMap<>();
        probes.put("GET /sandbox/ringcentral/admin/directory", null);
        probes.put("GET /sandbox/ringcentral/admin/messages", null);
        probes.put("POST /sandbox/ringcentral/admin/apps", "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"redirectUris\":[\"https://evil.example\"]}");
        probes.put("POST /sandbox/ringcentral/inbound", "{\"from\":\"+14155550100\",\"to\":\"+16505550101\",\"text\":\"forged\"}");
        probes.put("GET /sandbox/ringcentral/restapi/oauth/authorize?response_type=code&client_id=x&redirect_uri=https://evil.example", null);
        probes.put("POST /sandbox/ringcentral/restapi/oauth/consent", "{}");
        probes.put("POST /sandbox/ringcentral/restapi/v1.0/subscription", "{\"deliveryMode\":{\"transportType\":\"WebHook\",\"address\":\"http://169.254.169.254/\"}}");
        probes.put("GET /sandbox/ringcentral/", null);

        probes.forEach((probe, body) -> {
            String[] request = probe.split(" ", 2);
            Response answer = api.send(request[0], request[1], null, body, https);
            assertThat(answer.status()).as(probe + ": %s", answer).isEqualTo(404);
            assertThat(answer.body()).as(probe).doesNotContain("ringbridge-sandbox", "clientSecret", "SANDBOX");
        });
        assertThat(production.context().getBeanNamesForType(io.ringbridge.simulator.RingCentralSimulator.class)).isEmpty();
        assertThat(production.bean(io.ringbridge.connection.OperatorRingCentral.class).sandbox()).isFalse();
    }

    /** The refusal behind a failed start, wherever Spring wrapped it. */
    private static StartupRefusedException refusal(Runnable start) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(start::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StartupRefusedException refused) {
                return refused;
            }
        }
        throw new AssertionError("The gateway did not refuse to start", thrown);
    }

    @Test
    void onlyRequestsThatATrustedProxyReceivedOverHttpsAreServed() {
        Api api = production.api();

        Response direct = api.get("/health", null);
        Response http = api.send("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "http"));
        Response appended = api.send("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "https, http"));
        Response https = api.overHttps().get("/health", null);
        Response probe = api.get("/actuator/health/liveness", null);

        assertThat(direct.status()).as("plain http without the header").isEqualTo(403);
        assertThat(direct.error()).isEqualTo("HTTPS required");
        assertThat(direct.text("code")).isEqualTo("https_required");
        assertThat(direct.header("Strict-Transport-Security")).as("HSTS in production")
                .isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(http.status()).isEqualTo(403);
        assertThat(appended.status()).as("the proxy's own, right-most value counts").isEqualTo(403);
        assertThat(https.status()).isEqualTo(200);
        assertThat(https.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(probe.status()).as("probes reach the instance directly").isEqualTo(200);
    }

    @Test
    void aClientCannotClaimHttpsWhenNoProxyIsTrusted() {
        try (TestGateway untrusting = TestGateway.on(database).property("ringbridge.mode", "production")
                .property("ringbridge.encryption-keys", KEYS)
                .property("ringbridge.public-url", "https://sms.example.com")
                .property("ringcentral.client-id", "operator-app")
                .property("ringcentral.client-secret", "operator-secret")
                .withoutProperty("ringbridge.trusted-proxies").start()) {
            Response claimed = untrusting.api().overHttps().get("/health", null);

            assertThat(claimed.status()).isEqualTo(403);
            assertThat(claimed.error()).isEqualTo("HTTPS required");
        }
    }

    @Test
    void webhookUrlsMustBeHttpsInProduction() {
        Api api = production.api().overHttps();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);

        Response http = api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"x\",\"webhookUrl\":\"http://example.com/h\"}");
        Response https = api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"x\",\"webhookUrl\":\"https://example.com/h\"}");

        assertThat(http.status()).isEqualTo(400);
        assertThat(http.error()).isEqualTo("Invalid webhookUrl: must be https:// in production, max 2000 chars");
        assertThat(https.status()).isEqualTo(201);
    }

    @Test
    void developmentModeKeepsAGeneratedKeyUnderTheDataDirectory() throws Exception {
        TestGateway first = TestGateway.on(database).start();
        Path keyFile;
        String key;
        try {
            keyFile = Path.of(first.bean(io.ringbridge.platform.config.RingBridgeProperties.class).dataDir().toString(),
                    "encryption-keys");
            key = Files.readString(keyFile);
        } finally {
            first.close();
        }
        assertThat(key).startsWith("dev1:");
        TestGateway second = TestGateway.on(database).sharingDatabaseWith(first).start();
        try {
            assertThat(Files.readString(keyFile)).as("reused, not regenerated").isEqualTo(key);
            String sealed = second.jdbc().sql("SELECT webhook_secret FROM app ORDER BY created_at LIMIT 1")
                    .query(String.class).single();
            String appId = second.jdbc().sql("SELECT id FROM app ORDER BY created_at LIMIT 1").query(String.class).single();
            assertThat(second.bean(io.ringbridge.platform.crypto.SecretBox.class)
                    .open(sealed, "app:" + appId + ":webhook_secret")).startsWith("whsec_");
        } finally {
            second.close();
        }
    }
}
