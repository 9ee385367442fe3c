package io.ringbridge.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the queue gauges are read ({@code ringbridge.metrics.*}).
 *
 * @param queueInterval How often each instance reads the queue's depth and the age of its oldest message from the
 *        database (not per scrape)
 */
@ConfigurationProperties("ringbridge.metrics")
record QueueMetricsProperties(@DefaultValue("5s") Duration queueInterval) {
}
