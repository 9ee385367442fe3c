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

    /** Whether this caller may see data of {@code tenantId}: its own tenant, or any for the admin. */
    public boolean mayAccess(String tenantId) {
        return isAdmin() || this.tenantId.equals(tenantId);
    }
}
