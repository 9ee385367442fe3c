package io.ringbridge.connection;

/**
 * No usable token for an extension right now. {@link #status()} says whether it is worth waiting
 * ({@code refresh_failed}: retried automatically) or not ({@code revoked}, or {@code null}: not connected).
 */
public class ExtensionUnavailableException extends RuntimeException {

    private final ExtensionStatus status;

    ExtensionUnavailableException(String tenantId, String extensionId, ExtensionStatus status, String reason) {
        super("RingCentral extension " + extensionId + " of " + tenantId + " is unavailable: " + reason, null, false, false);
        this.status = status;
    }

    public ExtensionStatus status() {
        return status;
    }

    /** True when the gateway will recover by itself (a failing refresh being retried). */
    public boolean temporary() {
        return status == ExtensionStatus.REFRESH_FAILED;
    }
}
