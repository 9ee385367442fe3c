package io.ringbridge.simulator.oauth;

import java.util.List;

/**
 * An OAuth session as the state file keeps it. Only the pairs that still answer differently from an unknown
 * token are kept: the current pair and the one it replaced (whose refresh token may still be in its grace).
 *
 * @param pairs oldest first; each pair's successor is the next one
 */
public record SavedSession(String id, String clientId, long accountId, long extensionId, String endpointId,
                           long createdAtMillis, OAuthSession.End ended, List<Pair> pairs) {

    public SavedSession {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /** One issued access/refresh pair with its expiry and rotation times. */
    public record Pair(String accessToken, String refreshToken, long issuedAtMillis, long accessExpiresAtMillis,
                       long refreshExpiresAtMillis, long firstUsedAtMillis, long supersededAtMillis) {
    }
}
