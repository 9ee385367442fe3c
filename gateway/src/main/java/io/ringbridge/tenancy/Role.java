package io.ringbridge.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who is calling: an app (one tenant) or the operator (every tenant). */
public enum Role {
    APP("app"),
    ADMIN("admin");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
