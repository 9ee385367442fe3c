package io.ringbridge.tenancy;

/**
 * The authenticated identity of an API request. Controllers of every module take it as a parameter.
 *
 * @param tenantId the app's tenant; {@code null} for the admin key
 * @param appId    the calling app; {@code null} for the admin key
 */
public record Caller(Role role, String tenantId, String appId) {

    static final String ATTRIBUTE = Caller.class.getName();

    static Caller forAdmin() {
        return new Caller(Role.ADMIN, null, null);
    }

    static Caller forApp(String tenantId, String appId) {
        return new Caller(Role.APP, tenantId, appId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /**
     * The tenant a tenant-scoped route acts on: an app's own tenant, or for the admin key the one it names with
     * {@code ?tenantId=} (the routes docs/API.md marks "app" are open to the operator that way).
     */
    public String tenantFor(String requestedTenantId) {
        if (!isAdmin()) {
            return tenantId;
        }
        if (requestedTenantId == null || requestedTenantId.isBlank()) {
            throw io.ringbridge.platform.web.ApiException.invalid("tenantId", "tenantId is required for admin requests",
                    "tenant_id_required");
        }
        TenantService.requireFormat(requestedTenantId);
        return requestedTenantId;
    }

    /** Whether this caller may see data of {@code tenantId}: its own tenant, or any for the admin. */
    public boolean mayAccess(String tenantId) {
        return isAdmin() || this.tenantId.equals(tenantId);
    }
}
