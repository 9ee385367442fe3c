package io.ringbridge.connection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Timings of the connection lifecycle; defaults are the contract's, tests shrink some of them. */
@ConfigurationProperties("ringbridge.connection")
public record ConnectionProperties(
        @DefaultValue("5m") Duration connectTokenLifetime,
        @DefaultValue("30m") Duration inviteTokenLifetime,
        @DefaultValue("100") int tokensPerTenantPerHour,
        /* How often the refresher looks for tokens due; refreshes happen at 2/3 of an access token's life. */
        @DefaultValue("30s") Duration refreshSweepInterval,
        /* First retry after a transient refresh failure; doubles up to refreshRetryMax (Retry-After wins if longer).
           Never below 12 s, whatever is configured: RingCentral's Auth group allows 5 token requests a minute. */
        @DefaultValue("30s") Duration refreshRetryMin,
        @DefaultValue("30m") Duration refreshRetryMax,
        @DefaultValue("5m") Duration subscriptionCheckInterval,
        /* Requested lifetime of webhook subscriptions (RingCentral's maximum is 10 years). */
        @DefaultValue("315360000s") Duration subscriptionLifetime,
        /* Renew a subscription whose remaining life falls below this. */
        @DefaultValue("7d") Duration subscriptionRenewBefore) {
}
