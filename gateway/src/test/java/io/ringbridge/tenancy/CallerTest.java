package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.ringbridge.platform.web.ApiException;

class CallerTest {

    private static final String OWN = "tenant_0123456789abcdef";
    private static final String OTHER = "tenant_fedcba9876543210";

    private final Caller app = Caller.forApp(OWN, "app_0123456789abcdef");
    private final Caller admin = Caller.forAdmin();

    @Test
    void appActsOnItsOwnTenantWhateverItAsksFor() {
        assertThat(app.tenantFor(null)).isEqualTo(OWN);
        assertThat(app.tenantFor(OTHER)).isEqualTo(OWN);
        assertThat(app.tenantFor("not-a-tenant-id")).isEqualTo(OWN);
    }

    @Test
    void adminActsOnTheTenantItNames() {
        assertThat(admin.tenantFor(OTHER)).isEqualTo(OTHER);
    }

    @Test
    void adminMustNameATenant() {
        for (String none : new String[] {null, "", "  "}) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> admin.tenantFor(none));

            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.code()).isEqualTo("tenant_id_required");
            assertThat(e.error()).isEqualTo("tenantId is required for admin requests");
        }
    }

    @Test
    void adminMustNameAWellFormedTenant() {
        for (String malformed : new String[] {"acme", "tenant_0123", "TENANT_0123456789ABCDEF", OWN + " "}) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> admin.tenantFor(malformed));

            assertThat(e.code()).as(malformed).isEqualTo("invalid_tenant_id");
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void appMayAccessItsOwnTenantOnly() {
        assertThat(app.mayAccess(OWN)).isTrue();
        assertThat(app.mayAccess(OTHER)).isFalse();
        assertThat(app.mayAccess(null)).isFalse();
    }

    @Test
    void adminMayAccessEveryTenant() {
        assertThat(admin.mayAccess(OWN)).isTrue();
        assertThat(admin.mayAccess(OTHER)).isTrue();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(app.isAdmin()).isFalse();
    }
}
