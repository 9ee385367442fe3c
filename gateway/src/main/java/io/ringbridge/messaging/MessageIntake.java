package io.ringbridge.messaging;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.db.GroupCommittedInsert;
import io.ringbridge.platform.db.Timestamps;

/**
 * Stores accepted messages as queued. Requests accepted at the same moment share one transaction (group commit):
 * one WAL flush for all of them instead of one each, which is what lets accepting keep pace with the database's
 * insert ceiling. Each request is answered only after its own row is committed, so a 202 still means durable.
 */
@Component
class MessageIntake {

    private static final String INSERT = """
            INSERT INTO message (id, tenant_id, app_id, direction, status, from_number, to_number, body, user_id,
                                 segments, next_attempt_at, created_at, updated_at)
            VALUES (:id, :tenant, :app, 'outbound', 'queued', :from, :to, :body, :user, :segments, :now, :now, :now)
            """;

    private final GroupCommittedInsert<Message> inserts;

    MessageIntake(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.inserts = new GroupCommittedInsert<>(jdbc, transactions, INSERT, MessageIntake::row);
    }

    /** Stores the message in a transaction of its own (shared with whatever is accepted at the same time). */
    void store(Message message) {
        inserts.insert(message);
    }

    /** Stores the message in the caller's transaction, for writes that must commit with it. */
    void storeWithin(Message message) {
        inserts.insertWithin(List.of(message));
    }

    private static SqlParameterSource row(Message m) {
        return new MapSqlParameterSource()
                .addValue("id", m.id()).addValue("tenant", m.tenantId()).addValue("app", m.appId())
                .addValue("from", m.from()).addValue("to", m.to()).addValue("body", m.body())
                .addValue("user", m.userId()).addValue("segments", m.segments())
                .addValue("now", Timestamps.toDb(m.createdAt()));
    }
}
