package io.ringbridge.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway works through its send queue ({@code ringbridge.sending.*}).
 *
 * @param enabled Whether this instance sends; off, it accepts messages but leaves sending to other instances
 * @param maxInFlight Sends this instance has in flight at once (virtual threads; RingCentral latency hides behind
 *        them)
 * @param batch Messages claimed per sender at a time
 * @param lease How long a claim is held; more than twice {@code ringcentral.http.request-timeout} plus 2 s, so a
 *        take-over never overlaps a request still running
 * @param lookupDelay After a send whose answer was lost, how long to wait before looking it up at RingCentral
 * @param maxAttempts Attempts in all for transient failures (network, 5xx, 429) before the message fails
 * @param retryMin Wait before the first retry; it doubles with each attempt up to {@code retry-max}, ±20 % jitter
 * @param retryMax Longest wait between retries
 * @param waitForExtension While its extension's token refresh is failing, how long a message waits between checks
 * @param senderRefresh How often each instance re-reads which senders have due messages (its own accepts wake it
 *        at once)
 * @param recoveryInterval How often each instance takes over sends whose lease ran out
 */
@ConfigurationProperties("ringbridge.sending")
record SendingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("50") int batch,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10s") Duration lookupDelay,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("2s") Duration retryMin,
        @DefaultValue("10m") Duration retryMax,
        @DefaultValue("30s") Duration waitForExtension,
        @DefaultValue("1s") Duration senderRefresh,
        @DefaultValue("2s") Duration recoveryInterval) {
}
