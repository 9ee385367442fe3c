package io.ringbridge.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the gateway works through its send queue ({@code ringbridge.sending.*}). */
@ConfigurationProperties("ringbridge.sending")
record SendingProperties(
        /* Off: this instance accepts messages but leaves sending to other instances. */
        @DefaultValue("true") boolean enabled,
        /* Sends this instance has in flight at once (virtual threads; RingCentral latency hides behind them). */
        @DefaultValue("256") int maxInFlight,
        /* Messages claimed per sender at a time. */
        @DefaultValue("50") int batch,
        /* How long a claim is held: must comfortably exceed a RingCentral request's timeout. */
        @DefaultValue("2m") Duration lease,
        /* After a send whose answer was lost: how long to wait before looking it up at RingCentral. */
        @DefaultValue("10s") Duration lookupDelay,
        /* Transient failures (network, 5xx, 429) are retried this many times in all, then the message fails. */
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("2s") Duration retryMin,
        @DefaultValue("10m") Duration retryMax,
        /* While its extension's token refresh is failing, a message waits this long between checks. */
        @DefaultValue("30s") Duration waitForExtension,
        /* How often each instance re-reads which senders have due messages (its own accepts wake it at once). */
        @DefaultValue("1s") Duration senderRefresh,
        /* How often each instance takes over sends whose lease ran out. */
        @DefaultValue("2s") Duration recoveryInterval) {
}
