package io.ringbridge.connection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timings of the connection lifecycle ({@code ringbridge.connection.*}); defaults are the contract's, tests shrink
 * some of them.
 *
 * @param connectTokenLifetime How long a connect link stays valid
 * @param inviteTokenLifetime How long an invite link stays valid
 * @param tokensPerTenantPerHour Connect and invite links a tenant may create per hour
 * @param refreshSweepInterval How often the refresher looks for tokens due; refreshes happen at 2/3 of an access
 *        token's life
 * @param refreshRetryMin First retry after a transient refresh failure; doubles up to {@code refresh-retry-max}
 *        (Retry-After wins if longer); never below 12 s whatever is configured, as RingCentral's Auth group allows
 *        5 token requests a minute
 * @param refreshRetryMax Longest wait between refresh retries
 * @param subscriptionCheckInterval How often webhook subscriptions are checked and renewed
 * @param subscriptionLifetime Requested lifetime of webhook subscriptions (RingCentral's maximum is 10 years)
 * @param subscriptionRenewBefore Renew a subscription whose remaining life falls below this
 */
@ConfigurationProperties("ringbridge.connection")
public record ConnectionProperties(
        @DefaultValue("5m") Duration connectTokenLifetime,
        @DefaultValue("30m") Duration inviteTokenLifetime,
        @DefaultValue("100") int tokensPerTenantPerHour,
        @DefaultValue("30s") Duration refreshSweepInterval,
        @DefaultValue("30s") Duration refreshRetryMin,
        @DefaultValue("30m") Duration refreshRetryMax,
        @DefaultValue("5m") Duration subscriptionCheckInterval,
        @DefaultValue("315360000s") Duration subscriptionLifetime,
        @DefaultValue("7d") Duration subscriptionRenewBefore) {
}
