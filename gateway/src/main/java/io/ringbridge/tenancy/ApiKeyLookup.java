package io.ringbridge.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.db.Timestamps;

/**
 * Finds the app behind an API key hash, with what authentication needs to know in the same read.
 *
 * <p>Answers are kept for {@link #FRESH_FOR}: every API request authenticates, and a database round trip for each
 * one was a large share of what a request costs on PostgreSQL. A change made through any instance (a rotated or
 * deleted key, a suspended tenant) makes every instance forget what it kept ({@code TenantChanges}); one made
 * behind the gateway's back is seen within {@link #FRESH_FOR} (docs/decisions/0003). Unknown keys and the keys of
 * tenants that are not active are not kept, so a new key and a reactivated tenant work at once everywhere.
 */
@Repository
class ApiKeyLookup {

    /** {@code lastUsedAt} is written at most once a minute. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /** A found owner, and the generation of changes it was read in. */
    private record Known(KeyOwner owner, long generation) {
    }

    record KeyOwner(String appId, String tenantId, TenantStatus tenantStatus, Instant lastUsedAt) {
        KeyOwner usedAt(Instant at) {
            return new KeyOwner(appId, tenantId, tenantStatus, at);
        }
    }

    private final JdbcClient jdbc;
    private final Cache<String, Known> known = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(FRESH_FOR).build();
    /**
     * Bumped by every change: a read that started before a change may finish after it, and what it read must not be
     * kept, so an entry counts only if no change happened since its read began.
     */
    private final AtomicLong generation = new AtomicLong();

    ApiKeyLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<KeyOwner> find(String keyHash) {
        Known hit = known.getIfPresent(keyHash);
        if (hit != null && hit.generation() == generation.get()) {
            return Optional.of(hit.owner());
        }
        long readIn = generation.get();
        Optional<KeyOwner> owner = read(keyHash);
        owner.filter(found -> found.tenantStatus() == TenantStatus.ACTIVE)
                .ifPresent(found -> known.put(keyHash, new Known(found, readIn)));
        return owner;
    }

    /** After a committed change to keys, apps or tenants: nothing read before it is used again. */
    void forgetAll() {
        generation.incrementAndGet();
        known.invalidateAll();
    }

    private Optional<KeyOwner> read(String keyHash) {
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
    void touch(String keyHash, KeyOwner owner, Instant now) {
        Instant cutoff = now.minus(LAST_USED_GRANULARITY);
        if (owner.lastUsedAt() != null && owner.lastUsedAt().isAfter(cutoff)) {
            return;
        }
        jdbc.sql("UPDATE app SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at <= :cutoff)")
                .param("now", Timestamps.toDb(now))
                .param("id", owner.appId())
                .param("cutoff", Timestamps.toDb(cutoff))
                .update();
        // The kept answer learns it too, or every request until it expires would make the same (empty) update.
        known.asMap().computeIfPresent(keyHash, (hash, kept) -> new Known(kept.owner().usedAt(now), kept.generation()));
    }
}
