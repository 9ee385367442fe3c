package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/**
 * Whose address a failed login counts against: the connection's, unless it comes from a proxy the operator named
 * ({@code ringbridge.trusted-proxies}); then the right-most {@code X-Forwarded-For} entry that is not such a proxy.
 */
@SharedGateways
@EveryDatabase
class ProxyTrustTest {

    private static final String FORGED = "198.51.100.7";

    @Parameter
    Database database;

    TestGateway trustingLoopback;

    @BeforeEach
    void setUp() {
        trustingLoopback = Gateways.shared(database);
    }

    @Test
    void withNoTrustedProxyAForgedForwardedForNeitherBlocksItsAddressNorShieldsTheRealClient() {
        try (TestGateway gateway = TestGateway.on(database).withoutProperty("ringbridge.trusted-proxies").start()) {
            Fixtures.TestApp app = Fixtures.newTenantWithApp(gateway.api());
            Api attacker = gateway.api().withForwardedFor(FORGED);

            for (int i = 1; i <= 10; i++) {
                Api rotating = i % 2 == 0 ? attacker : gateway.api().withForwardedFor("198.51.100." + (100 + i));
                assertThat(rotating.get("/v1/apps", "sgw_" + String.format("%032x", i)).status()).isEqualTo(401);
            }
            Response afterwards = gateway.api().withForwardedFor("203.0.113." + 50).get("/v1/apps", app.apiKey());

            ClientBlocks blocks = gateway.bean(ClientBlocks.class);
            assertThat(blocks.blockedFor(FORGED)).as("the forged address is not blocked").isEmpty();
            assertThat(blocks.blockedFor("127.0.0.1")).as("the real client is").isPresent();
            assertThat(afterwards.status()).as("a new forged address does not get around the block").isEqualTo(429);
            assertThat(afterwards.text("code")).isEqualTo("client_blocked");
        }
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressTheProxyAppended() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(trustingLoopback.api());
        Api real = trustingLoopback.api();

        for (int i = 1; i <= 10; i++) {
            // The client writes a different address each time; the proxy appends the one it really saw.
            Api forging = real.withForwardedFor("198.51.100." + (100 + i) + ", " + real.clientIp());
            assertThat(forging.get("/v1/apps", "sgw_" + String.format("%032x", i)).status()).isEqualTo(401);
        }

        assertThat(real.get("/v1/apps", app.apiKey()).status()).as("the real client is blocked").isEqualTo(429);
        assertThat(real.withForwardedFor(FORGED + ", " + real.clientIp()).get("/v1/apps", app.apiKey()).status())
                .as("whatever it writes to the left").isEqualTo(429);
        assertThat(real.withForwardedFor("198.51.100.111").get("/v1/apps", app.apiKey()).status())
                .as("an address it only wrote is not blocked").isEqualTo(200);
        assertThat(real.withForwardedFor(FORGED).get("/v1/apps", app.apiKey()).status()).isEqualTo(200);
    }
}
