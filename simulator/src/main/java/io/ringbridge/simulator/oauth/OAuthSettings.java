package io.ringbridge.simulator.oauth;

import java.time.Duration;

/**
 * Token and session rules, all changeable at run time so tests can shrink them.
 *
 * @param accessTokenTtl     default access-token life (RingCentral: 1 h)
 * @param refreshTokenTtl    default refresh-token life (RingCentral: 7 days)
 * @param graceAfterUse      how long a rotated-out refresh token keeps returning the new pair once the new
 *                           access token has been used (RingCentral: ~10 s)
 * @param graceUnused        the same while the new access token is still unused (RingCentral: up to 60 min)
 * @param authCodeTtl        authorization-code life (RingCentral: 60 s)
 * @param sessionCap         parallel sessions per (user, app); a new one beyond it ends the oldest (usually 5)
 */
public record OAuthSettings(Duration accessTokenTtl, Duration refreshTokenTtl, Duration graceAfterUse,
                            Duration graceUnused, Duration authCodeTtl, int sessionCap) {

    public static OAuthSettings standard() {
        return new OAuthSettings(Duration.ofHours(1), Duration.ofDays(7), Duration.ofSeconds(10),
                Duration.ofMinutes(60), Duration.ofSeconds(60), 5);
    }

    public OAuthSettings withTokenLifetimes(Duration access, Duration refresh) {
        return new OAuthSettings(access, refresh, graceAfterUse, graceUnused, authCodeTtl, sessionCap);
    }
}
