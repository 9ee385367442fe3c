package io.ringbridge.simulator.oauth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Issued authorization codes: single use, short-lived, bound to client, redirect URI and PKCE challenge. */
public final class AuthCodes {
    private final ConcurrentHashMap<String, AuthCode> codes = new ConcurrentHashMap<>();

    /**
     * One code.
     *
     * @param redirectUri the redirect URI used at authorize (must be repeated at the token endpoint)
     * @param challenge   PKCE code challenge or {@code null}
     * @param method      {@code plain} or {@code S256}
     */
    public record AuthCode(String code, String clientId, String redirectUri, long accountId, long extensionId,
                           String challenge, String method, long expiresAtMillis, AtomicBoolean used) {
    }

    public AuthCode issue(String clientId, String redirectUri, long accountId, long extensionId, String challenge,
                          String method, long ttlMillis) {
        purgeExpired();
        AuthCode code = new AuthCode(Tokens.random(24), clientId, redirectUri, accountId, extensionId, challenge,
                method, System.currentTimeMillis() + ttlMillis, new AtomicBoolean());
        codes.put(code.code(), code);
        return code;
    }

    public AuthCode find(String code) {
        return code == null ? null : codes.get(code);
    }

    public void reset() {
        codes.clear();
    }

    /** Codes are kept a while after expiry so that late use reports "expired" rather than "invalid". */
    private void purgeExpired() {
        if (codes.size() < 1000) {
            return;
        }
        long cutoff = System.currentTimeMillis() - 3_600_000;
        codes.values().removeIf(c -> c.expiresAtMillis() < cutoff);
    }
}
