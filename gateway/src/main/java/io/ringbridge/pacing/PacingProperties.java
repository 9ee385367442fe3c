package io.ringbridge.pacing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway keeps pace with RingCentral ({@code ringbridge.pacing.*}).
 *
 * @param margin how much longer than RingCentral's window each request counts in ours: absorbs the clock and network
 *               jitter between the two, and is the only throughput the mirror gives up
 */
@ConfigurationProperties("ringbridge.pacing")
record PacingProperties(@DefaultValue("250ms") Duration margin) {
}
