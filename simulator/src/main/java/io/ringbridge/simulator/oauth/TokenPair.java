package io.ringbridge.simulator.oauth;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One issued access/refresh pair of a session. A refresh links the old pair to its successor; the old pair's
 * refresh token then lives on only for the grace window (see {@link SessionStore#refresh}).
 */
public final class TokenPair {
    final OAuthSession session;
    final String accessToken;
    final String refreshToken;
    final long issuedAtMillis;
    final long accessExpiresAtMillis;
    final long refreshExpiresAtMillis;
    /** When the access token was first used on the API; 0 = never. */
    final AtomicLong firstUsedAtMillis = new AtomicLong();
    volatile TokenPair successor;
    volatile long supersededAtMillis;

    TokenPair(OAuthSession session, String accessToken, String refreshToken, long issuedAtMillis,
              long accessExpiresAtMillis, long refreshExpiresAtMillis) {
        this.session = session;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.issuedAtMillis = issuedAtMillis;
        this.accessExpiresAtMillis = accessExpiresAtMillis;
        this.refreshExpiresAtMillis = refreshExpiresAtMillis;
    }

    public OAuthSession session() {
        return session;
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    public long accessExpiresAtMillis() {
        return accessExpiresAtMillis;
    }

    void markUsed(long now) {
        if (firstUsedAtMillis.get() == 0) {
            firstUsedAtMillis.compareAndSet(0, now);
        }
    }
}
