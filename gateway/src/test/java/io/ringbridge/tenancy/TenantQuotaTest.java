package io.ringbridge.tenancy;

import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * docs/API.md "Tenant limits": the budget all the keys of a tenant share, the app cap, and the operator's changes
 * to both. Every test works in tenants of its own, so the shared gateway's other tenants do not matter.
 */
@SharedGateways
@EveryDatabase
class TenantQuotaTest {

    @Parameter
    Database database;

    Api api;

    @BeforeEach
    void setUp() {
        api = Gateways.shared(database).api();
    }

    @Test
    void aTenantStartsWithTheDeploymentDefaults() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);

        Response limits = api.get(limitsOf(app.tenantId()), ADMIN_KEY);

        assertThat(limits.status()).isEqualTo(200);
        assertThat(limits.text("tenantId")).isEqualTo(app.tenantId());
        assertThat(limits.json().path("requestsPerMinute").asInt()).isEqualTo(1000);
        assertThat(limits.json().path("appRequestsPerMinute").asInt()).isEqualTo(100);
        assertThat(limits.json().path("maxApps").asInt()).isEqualTo(25);
        assertThat(limits.json().path("destinationCountries").isNull()).isTrue();
    }

    /** The report's reproduction, scaled to the default budget: one key registers more apps and spends them all. */
    @Test
    void keysRegisteredByOneAppShareTheTenantsThousandRequestsAMinute() {
        Fixtures.TestApp first = Fixtures.newTenantWithApp(api);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Response registered = api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"More " + i + "\"}");
            assertThat(registered.status()).as("register %d: %s", i, registered).isEqualTo(201);
            keys.add(registered.text("apiKey"));
        }

        int admitted = 0;
        Response limited = null;
        // 11 keys could make 1,100 requests on their own budgets of 100; the tenant's 1,000 (of which the 11
        // registrations took 11) stops them first.
        for (int i = 0; i < 1_100; i++) {
            Response response = api.get("/v1/apps", keys.get(i % keys.size()));
            if (response.status() == 200) {
                admitted++;
            } else {
                assertThat(response.status()).as("request %d: %s", i, response).isEqualTo(429);
                limited = response;
            }
        }
        Response send = api.post("/v1/sms/send", keys.get(3),
                "{\"to\":\"+14155550100\",\"from\":\"+16505550101\",\"body\":\"over budget\"}");

        assertThat(admitted).isEqualTo(1000 - 11);
        assertThat(limited).isNotNull();
        assertThat(limited.error()).isEqualTo("Too many requests");
        assertThat(limited.text("code")).isEqualTo("rate_limited");
        assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 61L);
        assertThat(send.status()).as("sends count against the same budget: %s", send).isEqualTo(429);
        assertThat(api.get("/v1/apps", Fixtures.newTenantWithApp(api).apiKey()).status())
                .as("another tenant is not affected").isEqualTo(200);
    }

    @Test
    void theOperatorSetsATenantsBudgetsAndTheHeadersReportTheTighterOne() {
        Fixtures.TestApp first = Fixtures.newTenantWithApp(api);
        Fixtures.TestApp second = Fixtures.registerApp(api, first.tenantId(), "Second");
        Response changed = api.patch(limitsOf(first.tenantId()), ADMIN_KEY,
                "{\"requestsPerMinute\":30,\"appRequestsPerMinute\":20}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("requestsPerMinute").asInt()).isEqualTo(30);
        assertThat(changed.json().path("appRequestsPerMinute").asInt()).isEqualTo(20);
        assertThat(changed.json().path("maxApps").asInt()).as("untouched").isEqualTo(25);

        Response firstRequest = api.get("/v1/apps", first.apiKey());
        assertThat(firstRequest.header("X-RateLimit-Limit")).as("the key's 20 leave less room than the tenant's 30")
                .isEqualTo("20");
        assertThat(firstRequest.header("X-RateLimit-Remaining")).isEqualTo("19");
        for (int i = 1; i < 20; i++) {
            assertThat(api.get("/v1/apps", first.apiKey()).status()).as("first key, request %d", i + 1).isEqualTo(200);
        }
        Response keySpent = api.get("/v1/apps", first.apiKey());
        assertThat(keySpent.status()).isEqualTo(429);
        assertThat(keySpent.header("X-RateLimit-Limit")).as("the key's own budget refused it").isEqualTo("20");

        Response secondRequest = api.get("/v1/apps", second.apiKey());
        assertThat(secondRequest.status()).isEqualTo(200);
        assertThat(secondRequest.header("X-RateLimit-Limit")).as("the tenant has 9 left, the key 19").isEqualTo("30");
        assertThat(secondRequest.header("X-RateLimit-Remaining")).isEqualTo("9");
        for (int i = 0; i < 9; i++) {
            assertThat(api.get("/v1/apps", second.apiKey()).status()).as("second key, request %d", i + 2).isEqualTo(200);
        }
        Response tenantSpent = api.get("/v1/apps", second.apiKey());
        assertThat(tenantSpent.status()).isEqualTo(429);
        assertThat(tenantSpent.error()).isEqualTo("Too many requests");
        assertThat(tenantSpent.header("X-RateLimit-Limit")).isEqualTo("30");
        assertThat(tenantSpent.header("Retry-After")).isNotNull();

        Response raised = api.patch(limitsOf(first.tenantId()), ADMIN_KEY, "{\"requestsPerMinute\":null}");
        assertThat(raised.json().path("requestsPerMinute").asInt()).as("null is the default again").isEqualTo(1000);
        assertThat(raised.json().path("appRequestsPerMinute").asInt()).as("absent stays").isEqualTo(20);
        assertThat(api.get("/v1/apps", second.apiKey()).status()).as("the raised budget applies at once").isEqualTo(200);
    }

    @Test
    void theTwentySixthAppIsRefusedUntilTheOperatorRaisesTheCap() {
        Fixtures.TestApp first = Fixtures.newTenantWithApp(api);
        for (int i = 2; i <= 25; i++) {
            Response registered = api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"App " + i + "\"}");
            assertThat(registered.status()).as("app %d: %s", i, registered).isEqualTo(201);
        }

        Response refused = api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"App 26\"}");
        Response refusedForAdmin = api.post("/v1/apps/register", ADMIN_KEY,
                "{\"name\":\"App 26\",\"tenantId\":\"" + first.tenantId() + "\"}");

        for (Response response : List.of(refused, refusedForAdmin)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.error()).isEqualTo(
                    "App limit reached: this tenant may have at most 25 apps; delete one or ask the operator to raise the limit");
            assertThat(response.text("code")).isEqualTo("app_limit_reached");
        }
        assertThat(api.get("/v1/apps", first.apiKey()).json().path("apps")).hasSize(25);

        assertThat(api.patch(limitsOf(first.tenantId()), ADMIN_KEY, "{\"maxApps\":26}").status()).isEqualTo(200);
        assertThat(api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"App 26\"}").status()).isEqualTo(201);
        assertThat(api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"App 27\"}").status()).isEqualTo(403);
    }

    @Test
    void aDeletedAppFreesItsPlace() {
        Fixtures.TestApp first = Fixtures.newTenantWithApp(api);
        api.patch(limitsOf(first.tenantId()), ADMIN_KEY, "{\"maxApps\":2}");
        Response second = api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"Second\"}");
        assertThat(api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"Third\"}").status()).isEqualTo(403);

        assertThat(api.delete("/v1/apps/" + second.text("appId"), first.apiKey()).status()).isEqualTo(200);

        assertThat(api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"Third\"}").status()).isEqualTo(201);
    }

    @Test
    void concurrentRegistrationsStopExactlyAtTheCap() {
        Fixtures.TestApp first = Fixtures.newTenantWithApp(api);
        api.patch(limitsOf(first.tenantId()), ADMIN_KEY, "{\"maxApps\":4}");
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                int n = i;
                executor.submit(() -> {
                    int status = api.post("/v1/apps/register", first.apiKey(), "{\"name\":\"Racer " + n + "\"}").status();
                    (status == 201 ? created : refused).incrementAndGet();
                });
            }
        }

        assertThat(created.get()).isEqualTo(3);
        assertThat(refused.get()).isEqualTo(9);
        assertThat(api.get("/v1/apps", first.apiKey()).json().path("apps")).hasSize(4);
    }

    @Test
    void limitsAreValidatedAndOnlyTheOperatorMayChangeThem() {
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        String path = limitsOf(app.tenantId());
        List<String[]> invalid = List.of(
                new String[]{"{\"requestsPerMinute\":0}", "requestsPerMinute",
                        "requestsPerMinute must be null or an integer from 1 to 1000000"},
                new String[]{"{\"appRequestsPerMinute\":\"100\"}", "appRequestsPerMinute",
                        "appRequestsPerMinute must be null or an integer from 1 to 1000000"},
                new String[]{"{\"maxApps\":-1}", "maxApps", "maxApps must be null or an integer from 0 to 100000"},
                new String[]{"{\"maxApps\":2.5}", "maxApps", "maxApps must be null or an integer from 0 to 100000"},
                new String[]{"{\"destinationCountries\":[\"USA\"]}", "destinationCountries",
                        "destinationCountries must be null or a non-empty list of ISO 3166 country codes such as \"US\""},
                new String[]{"{\"destinationCountries\":[]}", "destinationCountries",
                        "destinationCountries must be null or a non-empty list of ISO 3166 country codes such as \"US\""},
                new String[]{"{\"requestsPerMinut\":5}", "requestsPerMinut",
                        "Unknown field requestsPerMinut; limits are appRequestsPerMinute, destinationCountries, maxApps, requestsPerMinute"});
        for (String[] c : invalid) {
            Response response = api.patch(path, ADMIN_KEY, c[0]);
            assertThat(response.status()).as(c[0]).isEqualTo(400);
            assertThat(response.error()).as(c[0]).isEqualTo(c[2]);
            assertThat(response.text("param")).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(api.get(path, ADMIN_KEY).json().path("requestsPerMinute").asInt()).as("nothing changed").isEqualTo(1000);

        Response asApp = api.patch(path, app.apiKey(), "{\"requestsPerMinute\":100000}");
        assertThat(asApp.status()).isEqualTo(403);
        assertThat(asApp.error()).isEqualTo("Admin API key required");
        assertThat(api.get(path, app.apiKey()).status()).isEqualTo(403);

        Response unknown = api.get(limitsOf("tenant_" + "0".repeat(16)), ADMIN_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("Tenant not found");
        assertThat(api.get(limitsOf("nope"), ADMIN_KEY).error()).isEqualTo("Invalid tenantId format");
    }

    private static String limitsOf(String tenantId) {
        return "/v1/tenants/" + tenantId + "/limits";
    }
}
