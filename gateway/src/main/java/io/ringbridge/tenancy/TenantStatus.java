package io.ringbridge.tenancy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Only an active tenant's apps may call tenant routes; the others get 403. */
enum TenantStatus {
    ACTIVE("active"),
    SUSPENDED("suspended"),
    INACTIVE("inactive");

    private final String wire;

    TenantStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<TenantStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    static TenantStatus fromDb(String value) {
        return parse(value).orElseThrow(() -> new IllegalStateException("Unknown tenant status in database: " + value));
    }
}
