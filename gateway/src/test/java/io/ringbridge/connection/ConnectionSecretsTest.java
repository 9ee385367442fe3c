package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.platform.crypto.SecretBox;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.HttpRelay;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * RingCentral credentials at rest: tokens, app secrets and webhook verification tokens are stored only sealed, and
 * a new encryption key takes over every sealed value in the background, after which the old key can go.
 */
@EveryDatabase
class ConnectionSecretsTest {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSecretsTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SEALED = Pattern.compile("v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]+=*");

    static SimulatedRingCentral ringCentral;

    @Parameter
    Database database;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        ringCentral = SimulatedRingCentral.start(config -> config.rateLimitsEnabled(false));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        ringCentral.close();
    }

    @AfterEach
    void restoreLifetimes() {
        ringCentral.admin().tokenLifetimes(Duration.ofHours(1), Duration.ofDays(7));
    }

    @Test
    void noTableHoldsAPlaintextTokenAppSecretOrVerificationToken() throws SQLException {
        // Short access tokens: the stored pair is rotated a few times while the test runs.
        ringCentral.admin().tokenLifetimes(Duration.ofSeconds(4), Duration.ofHours(1));
        try (HttpRelay wire = HttpRelay.to(ringCentral.simulator().baseUri());
             TestGateway gateway = ringCentral.start(ringCentral.gateway(database)
                     .property("ringcentral.server", wire.baseUri().toString())
                     .property("ringbridge.connection.refresh-sweep-interval", "1s"))) {
            Api api = gateway.api();
            // One tenant connects through its own RingCentral app, another through the operator's.
            Fixtures.TestApp own = Fixtures.newTenantWithApp(api);
            TenantApp tenantApp = TenantApp.registeredAt(ringCentral, "http://localhost:" + gateway.baseUri().getPort());
            Response put = api.put("/v1/rc/app", own.apiKey(), tenantApp.json(wire.baseUri().toString()));
            assertThat(put.status()).as("PUT /v1/rc/app: %s", put).isEqualTo(200);
            Lifecycle.Connected alice = Lifecycle.connect(api, own, ringCentral, ALICE);
            Lifecycle.Connected bob = Lifecycle.connect(gateway, ringCentral, BOB);
            await().atMost(Duration.ofSeconds(30)).until(() -> wire.exchanges().stream()
                    .filter(e -> e.requestBody().contains("grant_type=refresh_token") && e.status() == 200).count() >= 2);

            // What went over the wire between the gateway and RingCentral, in plaintext.
            WireSecrets seen = WireSecrets.of(wire.exchanges());
            List<String> stored = everyStoredValue(gateway.bean(DataSource.class));

            log.info("Secrets seen on the wire: {} access tokens, {} refresh tokens, {} verification tokens, {} client secrets; "
                    + "{} stored values scanned", seen.accessTokens.size(), seen.refreshTokens.size(),
                    seen.verificationTokens.size(), seen.clientSecrets.size(), stored.size());
            assertThat(seen.accessTokens).as("access tokens issued (connects and refreshes)").hasSizeGreaterThanOrEqualTo(4);
            assertThat(seen.refreshTokens).hasSizeGreaterThanOrEqualTo(4);
            assertThat(seen.verificationTokens).as("one per subscription created").hasSizeGreaterThanOrEqualTo(2);
            assertThat(seen.clientSecrets).as("both apps authenticated at the token endpoint")
                    .contains(tenantApp.secret(), SimulatedRingCentral.CLIENT_SECRET);
            assertThat(stored).as("the scan reads the tables").hasSizeGreaterThan(50);
            Set<String> secrets = new LinkedHashSet<>();
            secrets.addAll(seen.accessTokens);
            secrets.addAll(seen.refreshTokens);
            secrets.addAll(seen.verificationTokens);
            secrets.addAll(seen.clientSecrets);
            for (String secret : secrets) {
                assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
                assertThat(stored).as("no stored value contains a secret").noneMatch(value -> value.contains(secret));
            }

            // They are stored, sealed: the sealed columns open to what went over the wire.
            TokenSealing sealing = gateway.bean(TokenSealing.class);
            SecretBox box = gateway.bean(SecretBox.class);
            for (Lifecycle.Connected connected : List.of(alice, bob)) {
                Extensions.Key key = new Extensions.Key(connected.app().tenantId(), connected.extensionId());
                Extensions.Locked row = gateway.bean(Extensions.class).lock(key.tenantId(), key.extensionId()).orElseThrow();
                assertThat(seen.accessTokens).contains(sealing.openAccess(key, row.sealedAccessToken()));
                assertThat(seen.refreshTokens).contains(sealing.openRefresh(key, row.sealedRefreshToken()));
                Subscriptions.Row subscription = gateway.bean(Subscriptions.class).ofExtension(key).getFirst();
                assertThat(seen.verificationTokens).contains(box.open(subscription.sealedVerificationToken(),
                        SubscriptionManager.tokenContext(subscription.subscriptionKey())));
            }
            String sealedAppSecret = gateway.jdbc().sql("SELECT client_secret FROM rc_app WHERE tenant_id = :t")
                    .param("t", own.tenantId()).query(String.class).single();
            assertThat(box.open(sealedAppSecret, RingCentralApps.secretContext(own.tenantId()))).isEqualTo(tenantApp.secret());
            assertThat(api.get("/v1/rc/app", own.apiKey()).body()).doesNotContain(tenantApp.secret());
            Lifecycle.disconnect(api, alice);
            Lifecycle.disconnect(api, bob);
        }
    }

    @Test
    void anotherPrimaryKeyTakesOverEverySealedValueAndTheOldKeyCanGo() throws SQLException {
        String k1 = "k1:" + randomKey();
        String k2 = "k2:" + randomKey();
        // Access tokens shorter than the gateway's one-minute margin: every use refreshes, with the stored refresh
        // token and the tenant's app secret, so both must open.
        ringCentral.admin().tokenLifetimes(Duration.ofSeconds(30), Duration.ofHours(1));
        // A stable public address in front of the gateway: RingCentral's webhook address survives the restarts.
        try (HttpRelay front = HttpRelay.unconnected()) {
            TestGateway first = gateway(front, k1).start();
            front.target(first.baseUri());
            Api api = first.api();
            Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
            TenantApp tenantApp = TenantApp.registeredAt(ringCentral, front.baseUri().toString());
            assertThat(api.put("/v1/rc/app", app.apiKey(), tenantApp.json(ringCentral.simulator().baseUri().toString())).status())
                    .isEqualTo(200);
            Lifecycle.Connected connected = Lifecycle.connect(api, app, ringCentral, ALICE);
            assertInboundSmsArrives(first, connected);
            List<String> sealedBefore = sealedWhere(first);
            assertThat(sealedBefore).as("sealed values with k1").allMatch(where -> where.endsWith(": k1"))
                    .hasSizeGreaterThanOrEqualTo(6);
            first.close();

            TestGateway second = gateway(front, k2 + "," + k1).property("ringbridge.reseal-interval", "1s")
                    .sharingDatabaseWith(first).start();
            front.target(second.baseUri());
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(sealedWhere(second)).as("sealed values (table.column: key)")
                            .allSatisfy(where -> assertThat(where).endsWith(": k2")));
            List<String> sealedAfter = sealedWhere(second);
            log.info("All {} sealed values re-sealed with k2 within {} ms of the restart: {}", sealedAfter.size(),
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis(), sealedAfter);
            assertThat(sealedAfter).hasSizeGreaterThanOrEqualTo(sealedBefore.size());
            second.close();

            TestGateway third = gateway(front, k2).sharingDatabaseWith(first).start();
            front.target(third.baseUri());
            try {
                Api later = third.api();
                long refreshes = ringCentral.admin().tokenRequests("refresh_token");
                Response sync = Lifecycle.sync(later, connected);
                assertThat(sync.status()).as("sync with only k2: %s", sync).isEqualTo(200);
                assertThat(sync.json().path("phoneNumbers").valueStream().map(JsonNode::asString)).containsExactly(ALICE_SMS);
                assertThat(ringCentral.admin().tokenRequests("refresh_token"))
                        .as("refreshed with the re-sealed refresh token and app secret").isGreaterThan(refreshes);
                assertInboundSmsArrives(third, connected);
                String sealedWebhookSecret = third.jdbc().sql("SELECT webhook_secret FROM app WHERE id = :id")
                        .param("id", app.appId()).query(String.class).single();
                assertThat(third.bean(SecretBox.class).open(sealedWebhookSecret, "app:" + app.appId() + ":webhook_secret"))
                        .isEqualTo(app.webhookSecret());
                Lifecycle.disconnect(later, connected);
            } finally {
                third.close();
            }
        }
    }

    private TestGateway.Builder gateway(HttpRelay front, String keys) {
        return ringCentral.gateway(database)
                .property("ringbridge.encryption-keys", keys)
                .property("ringbridge.public-url", front.baseUri().toString());
    }

    private void assertInboundSmsArrives(TestGateway gateway, Lifecycle.Connected connected) {
        String text = "Sealed and delivered " + UUID.randomUUID();
        ringCentral.admin().injectInbound("+14155550100", ALICE_SMS, text);
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.jdbc()
                .sql("SELECT body FROM rc_notification WHERE tenant_id = :t").param("t", connected.app().tenantId())
                .query(String.class).list().stream().anyMatch(body -> body.contains(text)));
    }

    /** Where each sealed value is, and with which key it was sealed: {@code table.column: kid}. */
    private static List<String> sealedWhere(TestGateway gateway) throws SQLException {
        List<String> where = new ArrayList<>();
        try (Connection connection = gateway.bean(DataSource.class).getConnection()) {
            for (String table : tables(connection)) {
                try (var statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            String value = rows.getString(c);
                            if (value != null && SEALED.matcher(value).matches()) {
                                where.add(table + "." + rows.getMetaData().getColumnName(c).toLowerCase(java.util.Locale.ROOT)
                                        + ": " + value.split(":")[1]);
                            }
                        }
                    }
                }
            }
        }
        return where;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A tenant's own RingCentral app, registered at RingCentral with the gateway's callback. */
    record TenantApp(String clientId, String secret) {
        static TenantApp registeredAt(SimulatedRingCentral ringCentral, String gatewayBase) {
            TenantApp app = new TenantApp("tenant-app-" + UUID.randomUUID(), "tenant-secret-" + UUID.randomUUID());
            ringCentral.admin().addApp(new App(app.clientId(), app.secret(), "A tenant's own app",
                    List.of(gatewayBase + "/v1/rc/callback"), SimulatedRingCentral.PERMISSIONS));
            return app;
        }

        String json(String server) {
            return "{\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + secret + "\",\"server\":\"" + server + "\"}";
        }
    }

    /** The secrets in the traffic between the gateway and RingCentral. */
    record WireSecrets(Set<String> accessTokens, Set<String> refreshTokens, Set<String> verificationTokens,
                       Set<String> clientSecrets) {
        static WireSecrets of(List<HttpRelay.Exchange> exchanges) {
            WireSecrets seen = new WireSecrets(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                    new LinkedHashSet<>());
            for (HttpRelay.Exchange exchange : exchanges) {
                String authorization = exchange.requestHeader("Authorization");
                if (authorization != null && authorization.startsWith("Basic ")) {
                    String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
                    seen.clientSecrets.add(pair.substring(pair.indexOf(':') + 1));
                }
                if (exchange.path().startsWith("/restapi/oauth/token") && exchange.status() == 200) {
                    JsonNode tokens = JSON.readTree(exchange.responseBody());
                    seen.accessTokens.add(tokens.path("access_token").asString());
                    seen.refreshTokens.add(tokens.path("refresh_token").asString());
                }
                if (exchange.method().equals("POST") && exchange.path().equals("/restapi/v1.0/subscription")) {
                    seen.verificationTokens.add(JSON.readTree(exchange.requestBody()).path("deliveryMode")
                            .path("verificationToken").asString());
                }
            }
            return seen;
        }
    }

    /** Every value of every column of every table of the application's schema, as text (bytes also as hex). */
    static List<String> everyStoredValue(DataSource dataSource) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = tables(connection);
            assertThat(tables).contains("rc_extension", "rc_subscription", "rc_app", "oauth_state", "app");
            for (String table : tables) {
                try (var statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            if (value instanceof byte[] bytes) {
                                values.add(new String(bytes, StandardCharsets.UTF_8));
                                values.add(HexFormat.of().formatHex(bytes));
                            } else if (value instanceof java.sql.Clob clob) {
                                values.add(clob.getSubString(1, (int) clob.length()));
                            } else if (value != null) {
                                values.add(value.toString());
                            }
                        }
                    }
                }
            }
        }
        return values;
    }
}
