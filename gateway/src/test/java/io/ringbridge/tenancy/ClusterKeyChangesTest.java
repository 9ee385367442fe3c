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
 * A change to a key or a tenant made through one instance applies to its very next request, and reaches the other
 * by a database notification (docs/decisions/0003, 0004): well before what that instance kept of the key would
 * expire ({@link ApiKeyLookup#FRESH_FOR}).
 */
@SharedGateways
class ClusterKeyChangesTest {

    /** Half of FRESH_FOR: the other instance's kept answer, read just before the change, is still fresh by then. */
    private static final Duration BY_NOTIFICATION = ApiKeyLookup.FRESH_FOR.dividedBy(2);

    static TestGateway first;
    static TestGateway second;

    @BeforeAll
    static void twoInstances() {
        Gateways.Cluster cluster = Gateways.sharedCluster();
        first = cluster.first();
        second = cluster.second();
    }

    @Test
    void aRotatedKeyIsRefusedAtOnceWhereItWasRotatedAndByNotificationOnTheOtherInstance() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
        Api a = first.api();
        Api b = second.api();
        assertThat(a.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);
        assertThat(b.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);

        String newKey = a.post("/v1/apps/" + app.appId() + "/rotate-key", TestGateway.ADMIN_KEY, null).text("apiKey");

        assertThat(a.get("/v1/apps", app.apiKey()).status()).isEqualTo(401);
        assertThat(b.get("/v1/apps", newKey).status()).as("a new key works everywhere at once").isEqualTo(200);
        Awaitility.await().atMost(BY_NOTIFICATION).pollInterval(Duration.ofMillis(20))
                .until(() -> b.get("/v1/apps", app.apiKey()).status() == 401);
    }

    @Test
    void aSuspendedTenantIsRefusedAtOnceWhereItWasSuspendedAndByNotificationOnTheOtherInstanceAndReactivatedAtOnce() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
        Api a = first.api();
        Api b = second.api();
        assertThat(b.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);

        a.patch("/v1/tenants/" + app.tenantId(), TestGateway.ADMIN_KEY, "{\"status\":\"suspended\"}");

        assertThat(a.get("/v1/apps", app.apiKey()).status()).isEqualTo(403);
        Awaitility.await().atMost(BY_NOTIFICATION).pollInterval(Duration.ofMillis(20))
                .until(() -> b.get("/v1/apps", app.apiKey()).status() == 403);

        a.patch("/v1/tenants/" + app.tenantId(), TestGateway.ADMIN_KEY, "{\"status\":\"active\"}");

        // No waiting at all: a tenant that is not active is never kept, so B reads the change.
        assertThat(b.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);
        assertThat(a.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);
    }
}
