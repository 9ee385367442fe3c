package io.ringbridge.connection;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /v1/rc/status}: {@code {"connected": false}} alone, or the primary extension's facts
 * (all of them present once connected).
 *
 * @param extensions how many extensions are connected and not revoked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConnectionStatusView(boolean connected, Instant expiresAt, String rcAccountId, Integer extensions,
                            List<String> scopes, List<String> missingScopes) {

    static final ConnectionStatusView DISCONNECTED = new ConnectionStatusView(false, null, null, null, null, null);
}
