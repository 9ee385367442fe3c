package io.ringbridge.connection;

import com.fasterxml.jackson.annotation.JsonValue;

/** The health of an extension's authorization, as the API shows it. */
public enum ExtensionStatus {
    /** Ready; its numbers can be used as {@code from}. */
    ACTIVE("active"),
    /** A refresh failed for a passing reason; retried automatically with backoff. */
    REFRESH_FAILED("refresh_failed"),
    /** RingCentral refused the refresh token for good; a new invite link is needed. */
    REVOKED("revoked");

    private final String wire;

    ExtensionStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    static ExtensionStatus fromDb(String value) {
        for (ExtensionStatus status : values()) {
            if (status.wire.equals(value)) {
                return status;
            }
        }
        throw new IllegalStateException("Unknown extension status in database: " + value);
    }
}
