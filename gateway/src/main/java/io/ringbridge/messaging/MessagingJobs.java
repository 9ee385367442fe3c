package io.ringbridge.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ringbridge.connection.ExtensionUnavailableException;
import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.ringcentral.RingCentralFailure;

/** Cluster-wide messaging housekeeping (db-scheduler: one instance at a time). */
@Configuration(proxyBeanMethods = false)
class MessagingJobs {

    private static final Logger log = LoggerFactory.getLogger(MessagingJobs.class);

    /**
     * Message-store change notifications from RingCentral: each names an extension whose messages changed, so
     * its receipts are read. (Inbound-SMS notifications are left for the inbound processor.)
     */
    @Bean
    RecurringTask<Void> receiptNotificationsTask(JdbcClient jdbc, ReceiptSync receipts, Clock clock,
                                                 ReceiptProperties properties) {
        return Tasks.recurring("sms-receipt-notifications", FixedDelay.of(properties.notificationInterval()))
                .execute((instance, context) -> {
                    List<Long> ids = jdbc.sql("""
                                    SELECT id FROM rc_notification
                                    WHERE processed_at IS NULL AND event LIKE '%/message-store' ORDER BY id LIMIT 500
                                    """).query(Long.class).list();
                    if (ids.isEmpty()) {
                        return;
                    }
                    Set<Map.Entry<String, String>> extensions = new LinkedHashSet<>(jdbc.sql(
                                    "SELECT DISTINCT tenant_id, extension_id FROM rc_notification WHERE id IN (:ids)")
                            .param("ids", ids)
                            .query((rs, n) -> Map.entry(rs.getString("tenant_id"), rs.getString("extension_id"))).list());
                    jdbc.sql("UPDATE rc_notification SET processed_at = :now WHERE id IN (:ids)")
                            .param("now", Timestamps.toDb(clock.instant())).param("ids", ids).update();
                    extensions.forEach(extension -> syncQuietly(receipts, extension));
                });
    }

    /** In case a notification never comes (RingCentral does not promise one), receipts are also polled. */
    @Bean
    RecurringTask<Void> receiptPollTask(ReceiptSync receipts, ReceiptProperties properties) {
        Duration interval = properties.pollInterval();
        return Tasks.recurring("sms-receipt-poll", FixedDelay.of(interval))
                .execute((instance, context) -> receipts.extensionsAwaiting(interval)
                        .forEach(extension -> syncQuietly(receipts, extension)));
    }

    @Bean
    RecurringTask<Void> idempotencyKeyCleanupTask(JdbcClient jdbc, Clock clock) {
        return Tasks.recurring("idempotency-key-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                        .param("cutoff", Timestamps.toDb(clock.instant().minus(SmsSubmission.IDEMPOTENCY_WINDOW))).update());
    }

    private static void syncQuietly(ReceiptSync receipts, Map.Entry<String, String> extension) {
        try {
            receipts.sync(extension.getKey(), extension.getValue());
        } catch (RingCentralFailure | ExtensionUnavailableException e) {
            log.warn("Could not read delivery receipts of extension {}: {}", extension.getValue(), e.getMessage());
        }
    }
}
