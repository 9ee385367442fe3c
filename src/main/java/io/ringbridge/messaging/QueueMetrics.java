package io.ringbridge.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.ringbridge.platform.db.Timestamps;

/**
 * The queue as Prometheus sees it: how many messages wait, how many are being sent, and how long the oldest
 * has waited. Read from the database every few seconds (not per scrape), so every instance reports the same.
 */
@Component
class QueueMetrics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong sending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    QueueMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("ringbridge.sms.queue.depth", queued, AtomicLong::get)
                .description("Messages queued, waiting to be sent").register(meters);
        Gauge.builder("ringbridge.sms.queue.sending", sending, AtomicLong::get)
                .description("Messages being sent or waiting for confirmation").register(meters);
        Gauge.builder("ringbridge.sms.queue.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest queued message").register(meters);
    }

    @Scheduled(fixedDelayString = "${ringbridge.metrics.queue-interval:5s}")
    void refresh() {
        long q = 0;
        long s = 0;
        Instant oldest = null;
        for (Count count : jdbc.sql("SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM message "
                        + "WHERE status IN ('queued', 'sending') GROUP BY status")
                .query((rs, n) -> new Count(rs.getString("status"), rs.getLong("n"), Timestamps.fromDb(rs, "oldest")))
                .list()) {
            if (count.status().equals("queued")) {
                q = count.messages();
                oldest = count.oldest();
            } else {
                s = count.messages();
            }
        }
        queued.set(q);
        sending.set(s);
        oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
    }

    private record Count(String status, long messages, Instant oldest) {
    }
}
