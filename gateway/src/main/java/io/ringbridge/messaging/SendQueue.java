package io.ringbridge.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.platform.ids.IdKind;

/**
 * The send queue: the {@code message} table's outbound messages on their way to RingCentral. Claims use
 * {@code FOR UPDATE SKIP LOCKED} so instances never take the same message; every write of a worker is fenced by its
 * claim token, so a worker that lost its lease (paused, partitioned) cannot overwrite what the one that took over
 * recorded.
 */
@Repository
class SendQueue {

    private static final String CLAIM_COLUMNS = """
            id, tenant_id, app_id, from_number, to_number, body, segments, segments_sent, attempts, extension_id,
            attempted_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SendQueue(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Senders with messages due now (a bounded scan of the queue index). */
    List<Sender> dueSenders(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT tenant_id, from_number FROM message
                        WHERE status = 'queued' AND next_attempt_at <= :now LIMIT :limit
                        """)
                .param("now", Timestamps.toDb(now)).param("limit", limit)
                .query((rs, n) -> new Sender(rs.getString("tenant_id"), rs.getString("from_number"))).list();
    }

    /** Takes up to {@code limit} due messages of one sender, oldest first, under a new lease. */
    List<Claimed> claim(Sender sender, int limit, Instant now, Instant leaseUntil, String extensionId) {
        List<Row> rows = jdbc.sql("SELECT " + CLAIM_COLUMNS + """
                         FROM message
                        WHERE status = 'queued' AND tenant_id = :tenant AND from_number = :from AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("tenant", sender.tenantId()).param("from", sender.fromNumber())
                .param("now", Timestamps.toDb(now)).param("limit", limit)
                .query(SendQueue::row).list();
        return lease(rows, now, leaseUntil, extensionId);
    }

    /**
     * Takes over {@code sending} messages whose lease ran out: their last attempt may or may not have reached
     * RingCentral, so the taker looks them up there before sending anything again.
     */
    List<Claimed> claimExpired(Instant now, Instant leaseUntil, int limit) {
        List<Row> rows = jdbc.sql("SELECT " + CLAIM_COLUMNS + """
                         FROM message WHERE status = 'sending' AND claimed_until < :now
                        ORDER BY claimed_until LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", Timestamps.toDb(now)).param("limit", limit).query(SendQueue::row).list();
        return lease(rows, now, leaseUntil, null);
    }

    /**
     * Puts the rows under a new lease. A new attempt ({@code extensionId} given) records which extension sends and
     * when the attempt started; a take-over ({@code null}) keeps both, since the look-up needs them.
     */
    private List<Claimed> lease(List<Row> rows, Instant now, Instant leaseUntil, String extensionId) {
        if (rows.isEmpty()) {
            return List.of();
        }
        boolean newAttempt = extensionId != null;
        String token = IdKind.randomHex(8);
        jdbc.sql("UPDATE message SET status = 'sending', claimed_until = :lease, claim_token = :token, updated_at = :now"
                        + (newAttempt ? ", attempts = attempts + 1, attempted_at = :now, extension_id = :ext" : "")
                        + " WHERE id IN (:ids)")
                .param("lease", Timestamps.toDb(leaseUntil)).param("token", token).param("now", Timestamps.toDb(now))
                .param("ext", extensionId).param("ids", rows.stream().map(Row::id).toList()).update();
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            claimed.add(new Claimed(row.id(), row.tenantId(), row.appId(), row.from(), row.to(), row.body(),
                    row.segments(), row.segmentsSent(), row.attempts() + (newAttempt ? 1 : 0),
                    newAttempt ? extensionId : row.extensionId(), token, newAttempt ? now : row.attemptedAt(), leaseUntil));
        }
        return claimed;
    }

    /** A segment other than the last reached RingCentral as {@code rcMessageId}. */
    boolean segmentSent(Claimed m, int seq, String rcMessageId, Instant now) {
        if (fenced("UPDATE message SET segments_sent = :sent, updated_at = :now" + (seq == 0 ? ", rc_message_id = :rc" : ""),
                m, Map.of("sent", seq + 1, "now", Timestamps.toDb(now), "rc", rcMessageId)) != 1) {
            return false;
        }
        insertSegments(List.of(new SentSegment(m, seq, rcMessageId, null)));
        return true;
    }

    /**
     * The last segments of several messages reached RingCentral: each is recorded, and its message {@code sent}, by
     * one fenced write, all sent to the database as one batch. Returns which messages' claims still held, in order
     * (for the others nothing was written).
     */
    boolean[] sent(List<SentSegment> sent, Instant now) {
        SqlParameterSource[] rows = sent.stream().map(s -> new MapSqlParameterSource()
                .addValue("id", s.message().id()).addValue("token", s.message().claimToken())
                .addValue("sent", s.seq() + 1).addValue("now", Timestamps.toDb(now))
                // the first segment's id is the message's; a later last segment leaves the one recorded before
                .addValue("rc", s.seq() == 0 ? s.rcMessageId() : null, Types.VARCHAR))
                .toArray(SqlParameterSource[]::new);
        int[] counts = batch.batchUpdate("""
                UPDATE message SET segments_sent = :sent, updated_at = :now, rc_message_id = COALESCE(:rc, rc_message_id),
                       status = 'sent', sent_at = :now, error = NULL, claimed_until = NULL, claim_token = NULL,
                       delivery_status = 'pending'
                WHERE id = :id AND claim_token = :token AND status = 'sending'
                """, rows);
        boolean[] recorded = new boolean[counts.length];
        List<SentSegment> recordedSegments = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            recorded[i] = counts[i] == 1;
            if (recorded[i]) {
                recordedSegments.add(sent.get(i));
            }
        }
        insertSegments(recordedSegments);
        return recorded;
    }

    /** The per-segment record of messages split into several RingCentral messages (single ones need none). */
    private void insertSegments(List<SentSegment> segments) {
        SqlParameterSource[] rows = segments.stream().filter(s -> s.message().segments() > 1)
                .map(s -> new MapSqlParameterSource().addValue("id", s.message().id()).addValue("seq", s.seq())
                        .addValue("rc", s.rcMessageId()))
                .toArray(SqlParameterSource[]::new);
        if (rows.length > 0) {
            batch.batchUpdate("INSERT INTO message_segment (message_id, seq, rc_message_id) VALUES (:id, :seq, :rc)", rows);
        }
    }

    boolean failed(Claimed m, String error, Instant now) {
        return fenced("UPDATE message SET status = 'failed', error = :error, updated_at = :now, claimed_until = NULL, "
                + "claim_token = NULL", m, Map.of("error", truncate(error), "now", Timestamps.toDb(now))) == 1;
    }

    /** Back to the queue until {@code at}; {@code error} says why (kept while it waits, cleared once sent). */
    boolean retryAt(Claimed m, Instant at, String error, boolean countsAsAttempt, Instant now) {
        return fenced("UPDATE message SET status = 'queued', next_attempt_at = :at, error = :error, updated_at = :now, "
                        + "claimed_until = NULL, claim_token = NULL" + (countsAsAttempt ? "" : ", attempts = attempts - 1"),
                m, Map.of("at", Timestamps.toDb(at), "error", error == null ? "" : truncate(error), "now", Timestamps.toDb(now))) == 1;
    }

    /** The outcome of the last attempt is unknown: keep the message {@code sending} and look it up at {@code at}. */
    boolean inDoubtUntil(Claimed m, Instant at, Instant now) {
        return fenced("UPDATE message SET claimed_until = :at, updated_at = :now", m,
                Map.of("at", Timestamps.toDb(at), "now", Timestamps.toDb(now))) == 1;
    }

    /** RingCentral ids already recorded for any message of the tenant (so a look-up never takes one twice). */
    boolean rcIdKnown(String tenantId, String rcMessageId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM message WHERE tenant_id = :tenant AND rc_message_id = :rc
                        """).param("tenant", tenantId).param("rc", rcMessageId).query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM message_segment WHERE rc_message_id = :rc")
                .param("rc", rcMessageId).query(Long.class).single() > 0;
    }

    private int fenced(String update, Claimed m, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("id", m.id());
        all.put("token", m.claimToken());
        return jdbc.sql(update + " WHERE id = :id AND claim_token = :token AND status = 'sending'").params(all).update();
    }

    private static String truncate(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    private record Row(String id, String tenantId, String appId, String from, String to, String body, int segments,
                       int segmentsSent, int attempts, String extensionId, Instant attemptedAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("tenant_id"), rs.getString("app_id"), rs.getString("from_number"),
                rs.getString("to_number"), rs.getString("body"), rs.getInt("segments"), rs.getInt("segments_sent"),
                rs.getInt("attempts"), rs.getString("extension_id"), Timestamps.fromDb(rs, "attempted_at"));
    }
}
