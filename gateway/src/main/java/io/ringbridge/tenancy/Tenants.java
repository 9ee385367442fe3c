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
class Tenants {

    private final JdbcClient jdbc;

    Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Tenant tenant) {
        jdbc.sql("""
                        INSERT INTO tenant (id, name, status, created_at, updated_at)
                        VALUES (:id, :name, :status, :created, :updated)
                        """)
                .param("id", tenant.id())
                .param("name", tenant.name())
                .param("status", tenant.status().wire())
                .param("created", Timestamps.toDb(tenant.createdAt()))
                .param("updated", Timestamps.toDb(tenant.updatedAt()))
                .update();
    }

    Optional<Tenant> find(String id) {
        return jdbc.sql("SELECT * FROM tenant WHERE id = :id").param("id", id).query(Tenants::map).optional();
    }

    /** Reads the tenant and locks its row until the transaction ends: changes to what it owns queue behind it. */
    Optional<Tenant> findLocked(String id) {
        return jdbc.sql("SELECT * FROM tenant WHERE id = :id FOR UPDATE").param("id", id).query(Tenants::map).optional();
    }

    List<Tenant> list() {
        return jdbc.sql("SELECT * FROM tenant ORDER BY created_at, id").query(Tenants::map).list();
    }

    /** Ids of the tenants that are suspended or inactive. */
    List<String> notActive() {
        return jdbc.sql("SELECT id FROM tenant WHERE status <> 'active' ORDER BY id").query(String.class).list();
    }

    boolean exists() {
        return jdbc.sql("SELECT COUNT(*) FROM tenant").query(Long.class).single() > 0;
    }

    void update(String id, String name, TenantStatus status, Instant now) {
        jdbc.sql("UPDATE tenant SET name = :name, status = :status, updated_at = :now WHERE id = :id")
                .param("name", name)
                .param("status", status.wire())
                .param("now", Timestamps.toDb(now))
                .param("id", id)
                .update();
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(rs.getString("id"), rs.getString("name"), TenantStatus.fromDb(rs.getString("status")),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
