package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.TestGateway;

/**
 * Instances keep what they learnt about a key for at most {@link ApiKeyLookup#FRESH_FOR} (docs/decisions/0003):
 * the instance that makes a change applies it to its very next request, the others within that time.
 */
@SharedGateways
class ClusterKeyChangesTest {

    /** FRESH_FOR, plus room for a slow test machine; what is asserted is that the change does arrive, and soon. */
    private static final Duration SOON = ApiKeyLookup.FRESH_FOR.plusSeconds(2);

    static TestGateway first;
    static TestGateway second;

    @BeforeAll
    static void twoInstances() {
        Gateways.Cluster cluster = Gateways.sharedCluster();
        first = cluster.first();
        second = cluster.second();
    }

    @Test
    void aRotatedKeyIsRefusedAtOnceWhereItWasRotatedAndSoonOnTheOtherInstance() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
        Api a = first.api();
        Api b = second.api();
        assertThat(a.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);
        assertThat(b.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);

        String newKey = a.post("/v1/apps/" + app.appId() + "/rotate-key", TestGateway.ADMIN_KEY, null).text("apiKey");

        assertThat(a.get("/v1/apps", app.apiKey()).status()).isEqualTo(401);
        assertThat(b.get("/v1/apps", newKey).status()).as("a new key works everywhere at once").isEqualTo(200);
        Awaitility.await().atMost(SOON).until(() -> b.get("/v1/apps", app.apiKey()).status() == 401);
    }

    @Test
    void aSuspendedTenantIsRefusedAtOnceWhereItWasSuspendedAndSoonOnTheOtherInstance() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
        Api a = first.api();
        Api b = second.api();
        assertThat(b.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);

        a.patch("/v1/tenants/" + app.tenantId(), TestGateway.ADMIN_KEY, "{\"status\":\"suspended\"}");

        assertThat(a.get("/v1/apps", app.apiKey()).status()).isEqualTo(403);
        Awaitility.await().atMost(SOON).until(() -> b.get("/v1/apps", app.apiKey()).status() == 403);
    }
}
