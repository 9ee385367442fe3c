package io.ringbridge.tenancy;

import io.ringbridge.platform.web.InvalidValueMessage;

/** Request bodies of the tenant routes. */
final class TenantRequests {

    private TenantRequests() {
    }

    record Create(@InvalidValueMessage(value = Names.INVALID, code = Names.CODE) String name) {
    }

    record Update(@InvalidValueMessage(value = Names.INVALID, code = Names.CODE) String name,
                  @InvalidValueMessage(value = "status must be one of active, suspended, inactive",
                          code = "invalid_status") String status) {
    }
}
