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
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/**
 * Two gateway instances on one PostgreSQL enforce one budget, not one each. PostgreSQL only:
 * the embedded H2 database belongs to a single process.
 */
@SharedGateways
class ClusterRateLimitTest {

    static TestGateway first;
    static TestGateway second;

    @BeforeAll
    static void twoInstances() {
        Gateways.Cluster cluster = Gateways.sharedCluster();
        first = cluster.first();
        second = cluster.second();
    }

    @Test
    void hundredRequestsSpreadOverBothInstancesExhaustTheBudgetOnEither() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
        Api a = first.api();
        Api b = second.api();

        for (int i = 0; i < 100; i++) {
            Response response = (i % 2 == 0 ? a : b).get("/v1/apps", app.apiKey());
            assertThat(response.status()).as("request %d", i + 1).isEqualTo(200);
        }

        Response onFirst = a.get("/v1/apps", app.apiKey());
        Response onSecond = b.get("/v1/apps", app.apiKey());
        assertThat(onFirst.status()).isEqualTo(429);
        assertThat(onSecond.status()).isEqualTo(429);
        assertThat(onSecond.header("Retry-After")).isNotNull();
    }

    @Test
    void concurrentRequestsOnBothInstancesAdmitExactlyTheLimit() throws Exception {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
        Api a = first.api();
        Api b = second.api();
        var ok = new java.util.concurrent.atomic.AtomicInteger();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 160; i++) {
                Api api = i % 2 == 0 ? a : b;
                executor.submit(() -> {
                    if (api.get("/v1/apps", app.apiKey()).status() == 200) {
                        ok.incrementAndGet();
                    }
                });
            }
        }

        assertThat(ok.get()).isEqualTo(100);
    }

    @Test
    void aClientBlockedOnOneInstanceIsBlockedOnTheOther() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
        Api attackerOnFirst = first.api();
        for (int i = 0; i < 10; i++) {
            attackerOnFirst.get("/v1/apps", "sgw_" + "e".repeat(32));
        }

        Api sameClientOnSecond = attackerOnFirst.against(second.baseUri());
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> sameClientOnSecond.get("/v1/apps", app.apiKey()).status() == 429);
    }

    @Test
    void aTenantsBudgetIsOneAcrossItsKeysAndBothInstances() throws Exception {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
        java.util.List<String> keys = java.util.List.of(app.apiKey(),
                Fixtures.registerApp(first.api(), app.tenantId(), "Second").apiKey(),
                Fixtures.registerApp(first.api(), app.tenantId(), "Third").apiKey());
        Response changed = first.api().patch("/v1/tenants/" + app.tenantId() + "/limits",
                io.ringbridge.testsupport.TestGateway.ADMIN_KEY, "{\"requestsPerMinute\":60}");
        assertThat(changed.status()).isEqualTo(200);
        var ok = new java.util.concurrent.atomic.AtomicInteger();
        var tenantLimited = new java.util.concurrent.atomic.AtomicInteger();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 150; i++) {
                Api api = i % 2 == 0 ? first.api() : second.api();
                String key = keys.get(i % keys.size());
                executor.submit(() -> {
                    Response response = api.get("/v1/apps", key);
                    if (response.status() == 200) {
                        ok.incrementAndGet();
                    } else if (response.status() == 429 && "60".equals(response.header("X-RateLimit-Limit"))) {
                        tenantLimited.incrementAndGet();
                    }
                });
            }
        }

        // Each key made 50 requests, half its own budget: only the tenant's 60 could refuse any.
        assertThat(ok.get()).isEqualTo(60);
        assertThat(tenantLimited.get()).isEqualTo(90);
    }
}
