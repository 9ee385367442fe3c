package io.ringbridge.simulator.subscription;

import java.time.Duration;

/**
 * Webhook subscription rules.
 *
 * @param defaultExpiresIn  lifetime when {@code expiresIn} is omitted, and on renew (RingCentral: 7 days)
 * @param maxExpiresIn      upper bound for WebHook ({@code 315360000} s = 10 years); larger values are capped
 * @param perUserAndApp     subscriptions per (user, app) before SUB-505 (RingCentral: 30)
 * @param handshakeTimeout  the validation request must be answered within this (RingCentral: 3 s)
 * @param handshakeMaxBytes the whole validation response must not exceed this (RingCentral: 1024 bytes)
 * @param deliveryTimeout   a notification not answered within this counts as failed
 * @param blacklistAfter    deliveries failing for this long turn the subscription Blacklisted
 */
public record SubscriptionSettings(Duration defaultExpiresIn, Duration maxExpiresIn, int perUserAndApp,
                                   Duration handshakeTimeout, int handshakeMaxBytes, Duration deliveryTimeout,
                                   Duration blacklistAfter) {

    public static SubscriptionSettings standard() {
        return new SubscriptionSettings(Duration.ofSeconds(604_800), Duration.ofSeconds(315_360_000L), 30,
                Duration.ofSeconds(3), 1024, Duration.ofSeconds(3), Duration.ofMinutes(10));
    }

    public SubscriptionSettings withBlacklistAfter(Duration after) {
        return new SubscriptionSettings(defaultExpiresIn, maxExpiresIn, perUserAndApp, handshakeTimeout,
                handshakeMaxBytes, deliveryTimeout, after);
    }

    public SubscriptionSettings withDefaultExpiresIn(Duration expiresIn) {
        return new SubscriptionSettings(expiresIn, maxExpiresIn, perUserAndApp, handshakeTimeout,
                handshakeMaxBytes, deliveryTimeout, blacklistAfter);
    }
}
