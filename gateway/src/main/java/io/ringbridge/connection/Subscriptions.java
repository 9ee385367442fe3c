package io.ringbridge.connection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.db.Timestamps;

/** The {@code rc_subscription} table: our side of each RingCentral webhook subscription. */
@Repository
class Subscriptions {

    record Row(String subscriptionKey, String tenantId, String extensionId, String rcSubscriptionId,
               String sealedVerificationToken, String status, Instant expiresAt, Instant createdAt) {
        boolean active() {
            return "active".equals(status);
        }
    }

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPending(String key, Extensions.Key extension, String sealedToken, Instant now) {
        jdbc.sql("""
                        INSERT INTO rc_subscription (subscription_key, tenant_id, extension_id, verification_token, status,
                                                     created_at, updated_at)
                        VALUES (:key, :tenant, :ext, :token, 'pending', :now, :now)
                        """)
                .param("key", key).param("tenant", extension.tenantId()).param("ext", extension.extensionId())
                .param("token", sealedToken).param("now", Timestamps.toDb(now))
                .update();
    }

    void activate(String key, String rcSubscriptionId, Instant expiresAt, Instant now) {
        jdbc.sql("UPDATE rc_subscription SET rc_subscription_id = :rc, status = 'active', expires_at = :expires, updated_at = :now WHERE subscription_key = :key")
                .param("rc", rcSubscriptionId).param("expires", Timestamps.toDb(expiresAt)).param("now", Timestamps.toDb(now))
                .param("key", key).update();
    }

    void renewed(String key, Instant expiresAt, Instant now) {
        jdbc.sql("UPDATE rc_subscription SET expires_at = :expires, updated_at = :now WHERE subscription_key = :key")
                .param("expires", Timestamps.toDb(expiresAt)).param("now", Timestamps.toDb(now)).param("key", key).update();
    }

    Optional<Row> find(String key) {
        return jdbc.sql("SELECT * FROM rc_subscription WHERE subscription_key = :key")
                .param("key", key).query(Subscriptions::map).optional();
    }

    List<Row> ofExtension(Extensions.Key extension) {
        return jdbc.sql("SELECT * FROM rc_subscription WHERE tenant_id = :tenant AND extension_id = :ext ORDER BY created_at")
                .param("tenant", extension.tenantId()).param("ext", extension.extensionId())
                .query(Subscriptions::map).list();
    }

    void delete(String key) {
        jdbc.sql("DELETE FROM rc_subscription WHERE subscription_key = :key").param("key", key).update();
    }

    void reseal(String key, String sealedToken) {
        jdbc.sql("UPDATE rc_subscription SET verification_token = :token WHERE subscription_key = :key")
                .param("token", sealedToken).param("key", key).update();
    }

    List<Row> all() {
        return jdbc.sql("SELECT * FROM rc_subscription ORDER BY created_at").query(Subscriptions::map).list();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("subscription_key"), rs.getString("tenant_id"), rs.getString("extension_id"),
                rs.getString("rc_subscription_id"), rs.getString("verification_token"), rs.getString("status"),
                Timestamps.fromDb(rs, "expires_at"), Timestamps.fromDb(rs, "created_at"));
    }
}
