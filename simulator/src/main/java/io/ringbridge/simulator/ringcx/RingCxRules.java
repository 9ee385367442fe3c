package io.ringbridge.simulator.ringcx;

import java.time.Duration;

/**
 * RingCX token rules.
 *
 * @param accessTokenTtl     RingCX access-token life (5 minutes)
 * @param refreshTokenTtl    RingCX refresh-token life (undocumented; default 7 days)
 * @param exchangesPerMinute token exchanges allowed per RingCentral user per minute (5)
 */
public record RingCxRules(Duration accessTokenTtl, Duration refreshTokenTtl, int exchangesPerMinute) {
    public static RingCxRules standard() {
        return new RingCxRules(Duration.ofMinutes(5), Duration.ofDays(7), 5);
    }
}
