package io.ringbridge.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.ringbridge.platform.db.Timestamps;

/**
 * The queue as Prometheus sees it: how many messages wait, how many are being sent, and how long the oldest
 * has waited. Read from the database every few seconds (not per scrape), so every instance reports the same.
 *
 * <p>Each read costs the same whatever the depth: the counts stop at {@link #COUNT_CAP} and the oldest message is
 * the first entry of an index. A full count would cost most exactly when the queue is deep: with a million
 * messages waiting, counting them every 5 s raised the p99 of requests served meanwhile from 6–7 ms to 46–95 ms.
 */
@Component
class QueueMetrics implements SchedulingConfigurer {

    /** Deeper than this the depth reads as this; the age of the oldest message then says how far behind sending is. */
    private static final int COUNT_CAP = 10_000;

    // Ordered as the message_waiting index is, so both databases walk that index and stop at the cap. Unordered,
    // PostgreSQL chooses a table scan once it expects many rows to match, and the queued rows of a deep queue lie
    // behind all the sent ones.
    private static final String COUNT = "SELECT COUNT(*) FROM (SELECT 1 FROM message WHERE status = :status"
            + " ORDER BY status, created_at LIMIT " + COUNT_CAP + ") waiting";
    private static final String OLDEST = "SELECT created_at FROM message WHERE status = 'queued'"
            + " ORDER BY status, created_at LIMIT 1";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong sending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Duration interval;

    QueueMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters, QueueMetricsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = properties.queueInterval();
        Gauge.builder("ringbridge.sms.queue.depth", queued, AtomicLong::get)
                .description("Messages queued, waiting to be sent (counted up to " + COUNT_CAP + ")").register(meters);
        Gauge.builder("ringbridge.sms.queue.sending", sending, AtomicLong::get)
                .description("Messages being sent or waiting for confirmation (counted up to " + COUNT_CAP + ")")
                .register(meters);
        Gauge.builder("ringbridge.sms.queue.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest queued message").register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refresh, interval);
    }

    void refresh() {
        queued.set(count(MessageStatus.QUEUED));
        sending.set(count(MessageStatus.SENDING));
        Optional<Instant> oldest = jdbc.sql(OLDEST)
                .query((rs, n) -> Timestamps.fromDb(rs, "created_at"))
                .optional();
        oldestAgeSeconds.set(oldest.map(at -> Math.max(0, Duration.between(at, clock.instant()).toSeconds())).orElse(0L));
    }

    private long count(MessageStatus status) {
        return jdbc.sql(COUNT).param("status", status.wire()).query(Long.class).single();
    }
}
