package io.ringbridge.tenancy;

import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/** The request limits on a gateway of its own, so no other test spends its budgets. */
@EveryDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    static TestGateway gateway;

    @Parameter
    Database database;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        gateway = TestGateway.on(database).start();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        gateway.close();
    }

    @Test
    void the101stRequestOfAnAppKeyInAMinuteIs429() {
        Api api = gateway.api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);

        for (int i = 1; i <= 100; i++) {
            Response response = api.get("/v1/apps/" + app.appId(), app.apiKey());
            assertThat(response.status()).as("request %d", i).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100");
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(100 - i));
        }
        Response limited = api.get("/v1/apps", app.apiKey());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("Too many requests");
        // The first of the 100 slides out of the window about a minute from now (the weighted previous
        // window of the sliding-window counter lets the next one in at 60.6 s at the latest).
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 61L);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(limited.header("X-RateLimit-Reset")))
                .isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void appBudgetsAreIndependent() {
        Api api = gateway.api();
        Fixtures.TestApp busy = Fixtures.newTenantWithApp(api);
        Fixtures.TestApp quiet = Fixtures.newTenantWithApp(api);
        for (int i = 0; i < 100; i++) {
            api.get("/v1/apps", busy.apiKey());
        }

        assertThat(api.get("/v1/apps", busy.apiKey()).status()).isEqualTo(429);
        assertThat(api.get("/v1/apps", quiet.apiKey()).status()).isEqualTo(200);
    }

    @Test
    @Order(Integer.MAX_VALUE) // uses up the admin budget the fixtures of the other tests need
    void theAdminKeyGets500AMinute() {
        Api api = gateway.api();
        Response first = api.get("/v1/tenants", ADMIN_KEY);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("500");
        int remaining = Integer.parseInt(first.header("X-RateLimit-Remaining"));
        // The other tests of this class spent a few admin requests on fixtures; the rest of the 500 must pass.
        assertThat(remaining).isBetween(400, 499);

        // Requests of earlier tests may leave the one-minute window while this runs: count until the first refusal.
        int passed = 0;
        Response limited;
        while ((limited = api.get("/v1/tenants", ADMIN_KEY)).status() == 200) {
            passed++;
            assertThat(passed).as("admitted in one minute").isLessThanOrEqualTo(500);
        }
        assertThat(passed).as("the rest of the 500 passed").isGreaterThanOrEqualTo(remaining);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("Too many requests");
        assertThat(limited.header("Retry-After")).isNotNull();
    }

    @Test
    void tenFailedAuthenticationsBlockTheClientForFifteenMinutesEvenWithAValidKey() {
        Api admin = gateway.api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(admin);
        Api attacker = admin.fromAnotherClient();

        for (int i = 1; i <= 10; i++) {
            Response failed = attacker.get("/v1/apps", "sgw_" + String.format("%032x", i));
            assertThat(failed.status()).as("attempt %d", i).isEqualTo(401);
        }
        Response blocked = attacker.get("/v1/apps", app.apiKey());
        Response health = attacker.get("/health", null);

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.error()).isEqualTo("Too many requests");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
        assertThat(health.status()).as("every request, not only API calls").isEqualTo(429);
        assertThat(attacker.fromAnotherClient().get("/v1/apps", app.apiKey()).status())
                .as("other clients are not affected").isEqualTo(200);
    }

    @Test
    void requestsWithoutCredentialsDoNotCountAsFailedAuthentications() {
        Api api = gateway.api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        Api browser = api.fromAnotherClient();

        for (int i = 0; i < 15; i++) {
            assertThat(browser.get("/v1/apps", null).status()).isEqualTo(401);
        }

        assertThat(browser.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void nineFailuresDoNotBlock() {
        Api api = gateway.api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        Api clumsy = api.fromAnotherClient();

        for (int i = 0; i < 9; i++) {
            clumsy.get("/v1/apps", "sgw_" + "f".repeat(32));
        }

        assertThat(clumsy.get("/v1/apps", app.apiKey()).status()).isEqualTo(200);
    }
}
