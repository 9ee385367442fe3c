package io.ringbridge.connection;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.db.GroupCommittedInsert;
import io.ringbridge.platform.db.Timestamps;

/**
 * Stores RingCentral's notifications raw, once per {@code uuid}. RingCentral sends several per message (created,
 * sent, delivered), so at a thousand messages a second the webhook takes thousands of notifications a second: the
 * ones that arrive together share one transaction (group commit), and each is acknowledged only once it is
 * committed. A batch holding a {@code uuid} already stored is run again one notification at a time, so the
 * duplicate, and only it, is reported as one.
 */
@Component
class NotificationInbox {

    private static final String INSERT = """
            INSERT INTO rc_notification (subscription_key, tenant_id, extension_id, uuid, event, body, received_at)
            VALUES (:key, :tenant, :ext, :uuid, :event, :body, :now)
            """;

    /** One notification as it is kept; {@code event} is cut to the column's 500 characters. */
    record Notification(String subscriptionKey, String tenantId, String extensionId, String uuid, String event,
                        String body, Instant receivedAt) {
    }

    private final GroupCommittedInsert<Notification> inserts;

    NotificationInbox(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.inserts = new GroupCommittedInsert<>(jdbc, transactions, INSERT, NotificationInbox::row);
    }

    /** True once the notification is committed; false when one with its {@code uuid} was stored before. */
    boolean store(Notification notification) {
        try {
            inserts.insert(notification);
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    private static SqlParameterSource row(Notification n) {
        String event = n.event() == null || n.event().length() <= 500 ? n.event() : n.event().substring(0, 500);
        return new MapSqlParameterSource()
                .addValue("key", n.subscriptionKey()).addValue("tenant", n.tenantId()).addValue("ext", n.extensionId())
                .addValue("uuid", n.uuid()).addValue("event", event).addValue("body", n.body())
                .addValue("now", Timestamps.toDb(n.receivedAt()));
    }
}
