package io.ringbridge.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.db.Timestamps;

/**
 * The history read model: messages of the {@code message} table as {@code GET /v1/sms/status/:id} and
 * {@code GET /v1/sms/messages} show them, always scoped to one tenant.
 */
@Repository
class MessageHistory {

    private static final String VIEW_COLUMNS = """
            id, status, rc_message_id, error, to_number, from_number, body, created_at, updated_at, direction, app_id,
            user_id, tenant_id, segments, sent_at, delivery_status, delivered_at""";

    private final JdbcClient jdbc;

    MessageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Message> find(String tenantId, String id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM message WHERE id = :id AND tenant_id = :tenant")
                .param("id", id).param("tenant", tenantId).query(MessageHistory::view).optional();
    }

    /** A page of history, newest first, after the cursor position (exclusive). */
    List<Message> page(String tenantId, HistoryQuery query, int limit) {
        Statement history = historyStatement(tenantId, query, limit);
        return jdbc.sql(history.sql()).params(history.params()).query(MessageHistory::view).list();
    }

    /** A query and its named parameters. */
    record Statement(String sql, Map<String, Object> params) {
    }

    /**
     * The history query: a walk of the {@code message_history} index (tenant, created_at, id) backwards that stops
     * after {@code limit} rows. The cursor bounds {@code created_at} on its own as well, so a deep page starts at the
     * cursor in the index instead of filtering out every newer row first.
     */
    static Statement historyStatement(String tenantId, HistoryQuery query, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + VIEW_COLUMNS + " FROM message WHERE tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (query.direction() != null) {
            sql.append(" AND direction = :direction");
            params.put("direction", query.direction());
        }
        if (query.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", query.status().wire());
        }
        if (query.deliveryStatus() != null) {
            sql.append(" AND delivery_status = :deliveryStatus");
            params.put("deliveryStatus", query.deliveryStatus().wire());
        }
        if (query.from() != null) {
            sql.append(" AND from_number = :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            sql.append(" AND to_number = :to");
            params.put("to", query.to());
        }
        if (query.userId() != null) {
            sql.append(" AND user_id = :user");
            params.put("user", query.userId());
        }
        if (query.since() != null) {
            sql.append(" AND created_at >= :since");
            params.put("since", Timestamps.toDb(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND created_at < :until");
            params.put("until", Timestamps.toDb(query.until()));
        }
        if (query.after() != null) {
            sql.append(" AND created_at <= :cursorTime AND (created_at < :cursorTime OR id < :cursorId)");
            params.put("cursorTime", Timestamps.toDb(query.after().createdAt()));
            params.put("cursorId", query.after().id());
        }
        // tenant_id is fixed, so ordering by it changes nothing; it lets H2 see that the index delivers this order.
        sql.append(" ORDER BY tenant_id DESC, created_at DESC, id DESC LIMIT :limit");
        params.put("limit", limit);
        return new Statement(sql.toString(), params);
    }

    private static Message view(ResultSet rs, int n) throws SQLException {
        String error = rs.getString("error");
        return new Message(rs.getString("id"), MessageStatus.fromDb(rs.getString("status")), rs.getString("rc_message_id"),
                error == null || error.isEmpty() ? null : error, rs.getString("to_number"), rs.getString("from_number"),
                rs.getString("body"), Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"),
                rs.getString("direction"), rs.getString("app_id"), rs.getString("user_id"), rs.getString("tenant_id"),
                rs.getInt("segments"), Timestamps.fromDb(rs, "sent_at"),
                DeliveryStatus.fromDb(rs.getString("delivery_status")), Timestamps.fromDb(rs, "delivered_at"));
    }
}
