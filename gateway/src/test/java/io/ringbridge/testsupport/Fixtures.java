package io.ringbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates what most tests start from: a tenant and an app with its key, through the API. */
public final class Fixtures {

    public record TestApp(String tenantId, String appId, String apiKey, String webhookSecret) {
    }

    private Fixtures() {
    }

    public static String createTenant(Api api, String name) {
        Response created = api.post("/v1/tenants", TestGateway.ADMIN_KEY, "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as("create tenant: %s", created).isEqualTo(201);
        return created.text("tenantId");
    }

    public static TestApp registerApp(Api api, String tenantId, String name) {
        Response registered = api.post("/v1/apps/register", TestGateway.ADMIN_KEY,
                "{\"name\":\"" + name + "\",\"tenantId\":\"" + tenantId + "\"}");
        assertThat(registered.status()).as("register app: %s", registered).isEqualTo(201);
        return new TestApp(tenantId, registered.text("appId"), registered.text("apiKey"),
                registered.text("webhookSecret"));
    }

    /** A new tenant with one app. */
    public static TestApp newTenantWithApp(Api api) {
        String tenantId = createTenant(api, "Tenant " + System.nanoTime());
        return registerApp(api, tenantId, "App " + System.nanoTime());
    }
}
