package io.ringbridge.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.db.Timestamps;

/** Finds the app behind an API key hash, with what authentication needs to know in the same read. */
@Repository
class ApiKeyLookup {

    /** API.md §0.1: {@code lastUsedAt} is written at most once a minute. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    record KeyOwner(String appId, String tenantId, TenantStatus tenantStatus, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    ApiKeyLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<KeyOwner> find(String keyHash) {
        return jdbc.sql("""
                        SELECT a.id, a.tenant_id, t.status, a.last_used_at
                        FROM app a JOIN tenant t ON t.id = a.tenant_id
                        WHERE a.api_key_hash = :hash AND a.status = 'active'
                        """)
                .param("hash", keyHash)
                .query((rs, row) -> new KeyOwner(rs.getString("id"), rs.getString("tenant_id"),
                        TenantStatus.fromDb(rs.getString("status")), Timestamps.fromDb(rs, "last_used_at")))
                .optional();
    }

    /** Records use without a write per request; the condition keeps concurrent instances to one write too. */
    void touch(KeyOwner owner, Instant now) {
        Instant cutoff = now.minus(LAST_USED_GRANULARITY);
        if (owner.lastUsedAt() != null && owner.lastUsedAt().isAfter(cutoff)) {
            return;
        }
        jdbc.sql("UPDATE app SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at <= :cutoff)")
                .param("now", Timestamps.toDb(now))
                .param("id", owner.appId())
                .param("cutoff", Timestamps.toDb(cutoff))
                .update();
    }
}
