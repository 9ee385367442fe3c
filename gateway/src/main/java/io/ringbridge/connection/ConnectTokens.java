package io.ringbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.db.Timestamps;

/**
 * Connect and invite tokens: single use, short-lived, stored as hashes. Consuming is one
 * conditional {@code UPDATE}, so of any number of concurrent attempts exactly one wins.
 */
@Repository
class ConnectTokens {

    record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    record Consumed(String tokenHash, String tenantId, TokenKind kind, Duration lifetime) {
    }

    enum Rejection { MISSING, UNKNOWN, EXPIRED, USED }

    /** Either the consumed token or why it could not be used. */
    record Consumption(Consumed token, Rejection rejection) {
        boolean accepted() {
            return token != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConnectionProperties properties;

    ConnectTokens(JdbcClient jdbc, Clock clock, ConnectionProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    Issued issue(String tenantId, TokenKind kind) {
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime(kind));
        jdbc.sql("""
                        INSERT INTO connect_token (token_hash, tenant_id, kind, created_at, expires_at)
                        VALUES (:hash, :tenant, :kind, :now, :expires)
                        """)
                .param("hash", SecretTokens.hash(token))
                .param("tenant", tenantId)
                .param("kind", kind.wire)
                .param("now", Timestamps.toDb(now))
                .param("expires", Timestamps.toDb(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    Consumption consume(String token) {
        if (token == null || token.isBlank()) {
            return new Consumption(null, Rejection.MISSING);
        }
        String hash = SecretTokens.hash(token.strip());
        Instant now = clock.instant();
        int won = jdbc.sql("""
                        UPDATE connect_token SET consumed_at = :now
                        WHERE token_hash = :hash AND consumed_at IS NULL AND expires_at > :now
                        """)
                .param("now", Timestamps.toDb(now)).param("hash", hash).update();
        Optional<Row> row = jdbc.sql("SELECT tenant_id, kind, expires_at, consumed_at FROM connect_token WHERE token_hash = :hash")
                .param("hash", hash)
                .query((rs, n) -> new Row(rs.getString("tenant_id"), TokenKind.fromDb(rs.getString("kind")),
                        Timestamps.fromDb(rs, "expires_at"), Timestamps.fromDb(rs, "consumed_at")))
                .optional();
        if (won == 1) {
            Row consumed = row.orElseThrow();
            return new Consumption(new Consumed(hash, consumed.tenantId(), consumed.kind(), lifetime(consumed.kind())), null);
        }
        if (row.isEmpty()) {
            return new Consumption(null, Rejection.UNKNOWN);
        }
        return new Consumption(null, row.get().consumedAt() != null ? Rejection.USED : Rejection.EXPIRED);
    }

    /** The tenant of a token that can still be used, without using it up (the confirmation page's question). */
    Optional<String> tenantOfUsable(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant_id FROM connect_token WHERE token_hash = :hash AND consumed_at IS NULL AND expires_at > :now")
                .param("hash", SecretTokens.hash(token.strip())).param("now", Timestamps.toDb(clock.instant()))
                .query(String.class).optional();
    }

    /** Tokens that can no longer be used are only kept for a day, to tell "used" and "expired" apart. */
    int deleteStale() {
        return jdbc.sql("DELETE FROM connect_token WHERE expires_at < :cutoff")
                .param("cutoff", Timestamps.toDb(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    Duration lifetime(TokenKind kind) {
        return kind == TokenKind.INVITE ? properties.inviteTokenLifetime() : properties.connectTokenLifetime();
    }

    private record Row(String tenantId, TokenKind kind, Instant expiresAt, Instant consumedAt) {
    }
}
