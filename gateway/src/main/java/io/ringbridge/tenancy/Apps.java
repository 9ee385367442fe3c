package io.ringbridge.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.db.Timestamps;

@Repository
class Apps {

    private static final String COLUMNS =
            "id, tenant_id, name, api_key_prefix, webhook_url, status, created_at, updated_at, last_used_at";

    private final JdbcClient jdbc;

    Apps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(App app, String keyHash, String sealedWebhookSecret) {
        jdbc.sql("""
                        INSERT INTO app (id, tenant_id, name, status, api_key_hash, api_key_prefix, webhook_url,
                                         webhook_secret, created_at, updated_at)
                        VALUES (:id, :tenant, :name, 'active', :hash, :prefix, :url, :secret, :created, :created)
                        """)
                .param("id", app.id())
                .param("tenant", app.tenantId())
                .param("name", app.name())
                .param("hash", keyHash)
                .param("prefix", app.apiKeyPrefix())
                .param("url", app.webhookUrl())
                .param("secret", sealedWebhookSecret)
                .param("created", Timestamps.toDb(app.createdAt()))
                .update();
    }

    Optional<App> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app WHERE id = :id AND status = 'active'")
                .param("id", id).query(Apps::map).optional();
    }

    List<App> listByTenant(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app WHERE tenant_id = :tenant AND status = 'active' ORDER BY created_at, id")
                .param("tenant", tenantId).query(Apps::map).list();
    }

    int countActive(String tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM app WHERE tenant_id = :tenant AND status = 'active'")
                .param("tenant", tenantId).query(Integer.class).single();
    }

    List<App> listAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app WHERE status = 'active' ORDER BY created_at, id")
                .query(Apps::map).list();
    }

    void update(String id, String name, String webhookUrl, Instant now) {
        jdbc.sql("UPDATE app SET name = :name, webhook_url = :url, updated_at = :now WHERE id = :id AND status = 'active'")
                .param("name", name).param("url", webhookUrl).param("now", Timestamps.toDb(now)).param("id", id)
                .update();
    }

    /** Replaces the key in one statement: the old key stops working the moment this commits. */
    boolean replaceKey(String id, String keyHash, String prefix, Instant now) {
        return jdbc.sql("""
                        UPDATE app SET api_key_hash = :hash, api_key_prefix = :prefix, updated_at = :now
                        WHERE id = :id AND status = 'active'
                        """)
                .param("hash", keyHash).param("prefix", prefix).param("now", Timestamps.toDb(now)).param("id", id)
                .update() == 1;
    }

    /** Keeps the row (messages refer to it) but drops the key hash, so the key is dead at once. */
    boolean delete(String id, Instant now) {
        return jdbc.sql("UPDATE app SET status = 'deleted', api_key_hash = NULL, updated_at = :now WHERE id = :id AND status = 'active'")
                .param("now", Timestamps.toDb(now)).param("id", id).update() == 1;
    }

    private static App map(ResultSet rs, int row) throws SQLException {
        return new App(rs.getString("id"), rs.getString("tenant_id"), rs.getString("name"),
                rs.getString("api_key_prefix"), rs.getString("webhook_url"), rs.getString("status"),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"),
                Timestamps.fromDb(rs, "last_used_at"));
    }
}
