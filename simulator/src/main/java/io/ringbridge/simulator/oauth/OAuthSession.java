package io.ringbridge.simulator.oauth;

/** An OAuth session of one user with one app: the chain of token pairs issued by refreshes. */
public final class OAuthSession {
    /** Why a session ended. */
    public enum End { REVOKED, EVICTED }

    final String id;
    final String clientId;
    final long accountId;
    final long extensionId;
    final String endpointId;
    final long createdAtMillis;
    volatile End ended;
    /** The live pair; guarded by {@code this} for writes. */
    volatile TokenPair current;

    OAuthSession(String id, String clientId, long accountId, long extensionId, String endpointId,
                 long createdAtMillis) {
        this.id = id;
        this.clientId = clientId;
        this.accountId = accountId;
        this.extensionId = extensionId;
        this.endpointId = endpointId;
        this.createdAtMillis = createdAtMillis;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public long accountId() {
        return accountId;
    }

    public long extensionId() {
        return extensionId;
    }

    public End ended() {
        return ended;
    }

    public boolean active() {
        return ended == null;
    }
}
