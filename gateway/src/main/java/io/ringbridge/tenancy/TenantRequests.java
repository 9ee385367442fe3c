package io.ringbridge.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;

import io.ringbridge.platform.web.InvalidValueMessage;

/** Request bodies of the tenant routes, named in the API reference as they are here. */
final class TenantRequests {

    private TenantRequests() {
    }

    @Schema(name = "CreateTenantRequest")
    record Create(@InvalidValueMessage(value = Names.INVALID, code = Names.CODE) String name) {
    }

    @Schema(name = "UpdateTenantRequest")
    record Update(@InvalidValueMessage(value = Names.INVALID, code = Names.CODE) String name,
                  @InvalidValueMessage(value = "status must be one of active, suspended, inactive",
                          code = "invalid_status") String status) {
    }
}
