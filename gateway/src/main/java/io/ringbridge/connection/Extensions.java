package io.ringbridge.connection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.db.Timestamps;

/** The {@code rc_extension} and {@code rc_phone_number} tables. Tokens are read and written only sealed. */
@Repository
class Extensions {

    private static final String COLUMNS = """
            tenant_id, extension_id, rc_account_id, extension_number, name, is_primary, status, app_source,
            access_expires_at, refresh_expires_at, scope, next_refresh_at, refresh_failures, last_refresh_error,
            connected_at, updated_at""";

    /** An extension row as it stands under its row lock, with its sealed tokens. */
    record Locked(Extension extension, String sealedAccessToken, String sealedRefreshToken) {
    }

    record Number(String phoneNumber, String kind, String rcNumberId, String usageType) {

        /** The numbers worth keeping: SMS senders, and A2P-only ones (recorded apart); each number once. */
        static List<Number> of(List<io.ringbridge.ringcentral.PhoneNumber> numbers) {
            java.util.Map<String, Number> kept = new java.util.LinkedHashMap<>();
            for (io.ringbridge.ringcentral.PhoneNumber number : numbers) {
                String kind = number.smsSender() ? "sms" : number.a2pOnly() ? "a2p" : null;
                if (kind != null) {
                    kept.putIfAbsent(number.phoneNumber(),
                            new Number(number.phoneNumber(), kind, Long.toString(number.id()), number.usageType()));
                }
            }
            return List.copyOf(kept.values());
        }

        boolean sms() {
            return kind.equals("sms");
        }
    }

    private final JdbcClient jdbc;

    Extensions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Extension> listByTenant(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rc_extension WHERE tenant_id = :tenant ORDER BY is_primary DESC, connected_at, extension_id")
                .param("tenant", tenantId).query(Extensions::map).list();
    }

    Optional<Extension> find(String tenantId, String extensionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rc_extension WHERE tenant_id = :tenant AND extension_id = :ext")
                .param("tenant", tenantId).param("ext", extensionId).query(Extensions::map).optional();
    }

    /** Locks the row until the surrounding transaction ends: one refresh per extension across all instances. */
    Optional<Locked> lock(String tenantId, String extensionId) {
        return jdbc.sql("SELECT " + COLUMNS + ", access_token, refresh_token FROM rc_extension "
                        + "WHERE tenant_id = :tenant AND extension_id = :ext FOR UPDATE")
                .param("tenant", tenantId).param("ext", extensionId)
                .query((rs, n) -> new Locked(map(rs, n), rs.getString("access_token"), rs.getString("refresh_token")))
                .optional();
    }

    Optional<String> sealedAccessToken(String tenantId, String extensionId) {
        return jdbc.sql("SELECT access_token FROM rc_extension WHERE tenant_id = :tenant AND extension_id = :ext")
                .param("tenant", tenantId).param("ext", extensionId).query(String.class).optional();
    }

    /** The RingCentral account the tenant is connected to, if any extension is. */
    Optional<String> accountOf(String tenantId) {
        return jdbc.sql("SELECT rc_account_id FROM rc_extension WHERE tenant_id = :tenant ORDER BY connected_at LIMIT 1")
                .param("tenant", tenantId).query(String.class).optional();
    }

    void insert(Extension e, String sealedAccess, String sealedRefresh) {
        jdbc.sql("""
                        INSERT INTO rc_extension (tenant_id, extension_id, rc_account_id, extension_number, name, is_primary,
                            status, app_source, access_token, refresh_token, access_expires_at, refresh_expires_at, scope,
                            next_refresh_at, refresh_failures, last_refresh_error, connected_at, updated_at)
                        VALUES (:tenant, :ext, :account, :number, :name, :primary, :status, :source, :access, :refresh,
                            :accessExpires, :refreshExpires, :scope, :nextRefresh, 0, NULL, :connected, :updated)
                        """)
                .param("tenant", e.tenantId()).param("ext", e.extensionId()).param("account", e.rcAccountId())
                .param("number", e.extensionNumber()).param("name", e.name()).param("primary", e.primary())
                .param("status", e.status().wire()).param("source", e.appSource().wire)
                .param("access", sealedAccess).param("refresh", sealedRefresh)
                .param("accessExpires", Timestamps.toDb(e.accessExpiresAt()))
                .param("refreshExpires", Timestamps.toDb(e.refreshExpiresAt()))
                .param("scope", e.scope()).param("nextRefresh", Timestamps.toDb(e.nextRefreshAt()))
                .param("connected", Timestamps.toDb(e.connectedAt())).param("updated", Timestamps.toDb(e.updatedAt()))
                .update();
    }

    /** A reconnect: the same extension, new tokens, ready again; its history stays. */
    void reconnect(Extension e, String sealedAccess, String sealedRefresh) {
        jdbc.sql("""
                        UPDATE rc_extension SET rc_account_id = :account, extension_number = :number, name = :name,
                            is_primary = :primary, status = 'active', app_source = :source, access_token = :access,
                            refresh_token = :refresh, access_expires_at = :accessExpires, refresh_expires_at = :refreshExpires,
                            scope = :scope, next_refresh_at = :nextRefresh, refresh_failures = 0, last_refresh_error = NULL,
                            updated_at = :updated
                        WHERE tenant_id = :tenant AND extension_id = :ext
                        """)
                .param("tenant", e.tenantId()).param("ext", e.extensionId()).param("account", e.rcAccountId())
                .param("number", e.extensionNumber()).param("name", e.name()).param("primary", e.primary())
                .param("source", e.appSource().wire).param("access", sealedAccess).param("refresh", sealedRefresh)
                .param("accessExpires", Timestamps.toDb(e.accessExpiresAt()))
                .param("refreshExpires", Timestamps.toDb(e.refreshExpiresAt()))
                .param("scope", e.scope()).param("nextRefresh", Timestamps.toDb(e.nextRefreshAt()))
                .param("updated", Timestamps.toDb(e.updatedAt()))
                .update();
    }

    /** The access token stops counting as usable, so the next use refreshes it. */
    void expireAccess(String tenantId, String extensionId, Instant now) {
        jdbc.sql("UPDATE rc_extension SET access_expires_at = :now WHERE tenant_id = :tenant AND extension_id = :ext AND access_expires_at > :now")
                .param("now", Timestamps.toDb(now)).param("tenant", tenantId).param("ext", extensionId).update();
    }

    void clearPrimary(String tenantId) {
        jdbc.sql("UPDATE rc_extension SET is_primary = FALSE WHERE tenant_id = :tenant AND is_primary")
                .param("tenant", tenantId).update();
    }

    boolean hasPrimary(String tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM rc_extension WHERE tenant_id = :tenant AND is_primary")
                .param("tenant", tenantId).query(Long.class).single() > 0;
    }

    void storeRefreshed(String tenantId, String extensionId, String sealedAccess, String sealedRefresh,
                        Instant accessExpires, Instant refreshExpires, String scope, Instant nextRefresh, Instant now) {
        jdbc.sql("""
                        UPDATE rc_extension SET access_token = :access, refresh_token = :refresh,
                            access_expires_at = :accessExpires, refresh_expires_at = :refreshExpires, scope = :scope,
                            next_refresh_at = :nextRefresh, status = 'active', refresh_failures = 0,
                            last_refresh_error = NULL, updated_at = :now
                        WHERE tenant_id = :tenant AND extension_id = :ext
                        """)
                .param("access", sealedAccess).param("refresh", sealedRefresh)
                .param("accessExpires", Timestamps.toDb(accessExpires)).param("refreshExpires", Timestamps.toDb(refreshExpires))
                .param("scope", scope).param("nextRefresh", Timestamps.toDb(nextRefresh)).param("now", Timestamps.toDb(now))
                .param("tenant", tenantId).param("ext", extensionId)
                .update();
    }

    void recordRefreshFailure(String tenantId, String extensionId, ExtensionStatus status, int failures, String error,
                              Instant nextAttempt, Instant now) {
        jdbc.sql("""
                        UPDATE rc_extension SET status = :status, refresh_failures = :failures, last_refresh_error = :error,
                            next_refresh_at = :next, updated_at = :now
                        WHERE tenant_id = :tenant AND extension_id = :ext
                        """)
                .param("status", status.wire()).param("failures", failures)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", Timestamps.toDb(nextAttempt)).param("now", Timestamps.toDb(now))
                .param("tenant", tenantId).param("ext", extensionId)
                .update();
    }

    void reseal(String tenantId, String extensionId, String sealedAccess, String sealedRefresh) {
        jdbc.sql("UPDATE rc_extension SET access_token = :access, refresh_token = :refresh WHERE tenant_id = :tenant AND extension_id = :ext")
                .param("access", sealedAccess).param("refresh", sealedRefresh)
                .param("tenant", tenantId).param("ext", extensionId).update();
    }

    boolean delete(String tenantId, String extensionId) {
        return jdbc.sql("DELETE FROM rc_extension WHERE tenant_id = :tenant AND extension_id = :ext")
                .param("tenant", tenantId).param("ext", extensionId).update() == 1;
    }

    /** Extensions whose refresh is due, oldest first; revoked ones wait for a person to reconnect them. */
    List<Key> dueForRefresh(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT tenant_id, extension_id FROM rc_extension
                        WHERE next_refresh_at <= :now AND status <> 'revoked'
                        ORDER BY next_refresh_at LIMIT :limit
                        """)
                .param("now", Timestamps.toDb(now)).param("limit", limit)
                .query((rs, n) -> new Key(rs.getString("tenant_id"), rs.getString("extension_id"))).list();
    }

    List<Key> all() {
        return jdbc.sql("SELECT tenant_id, extension_id FROM rc_extension ORDER BY tenant_id, extension_id")
                .query((rs, n) -> new Key(rs.getString("tenant_id"), rs.getString("extension_id"))).list();
    }

    void replaceNumbers(String tenantId, String extensionId, List<Number> numbers) {
        jdbc.sql("DELETE FROM rc_phone_number WHERE tenant_id = :tenant AND extension_id = :ext")
                .param("tenant", tenantId).param("ext", extensionId).update();
        for (Number number : numbers) {
            jdbc.sql("""
                            INSERT INTO rc_phone_number (tenant_id, extension_id, phone_number, kind, rc_number_id, usage_type)
                            VALUES (:tenant, :ext, :number, :kind, :id, :usage)
                            """)
                    .param("tenant", tenantId).param("ext", extensionId).param("number", number.phoneNumber())
                    .param("kind", number.kind()).param("id", number.rcNumberId()).param("usage", number.usageType())
                    .update();
        }
    }

    List<Number> numbers(String tenantId, String extensionId) {
        return jdbc.sql("SELECT phone_number, kind, rc_number_id, usage_type FROM rc_phone_number "
                        + "WHERE tenant_id = :tenant AND extension_id = :ext ORDER BY phone_number")
                .param("tenant", tenantId).param("ext", extensionId)
                .query((rs, n) -> new Number(rs.getString("phone_number"), rs.getString("kind"),
                        rs.getString("rc_number_id"), rs.getString("usage_type"))).list();
    }

    record Key(String tenantId, String extensionId) {
    }

    private static Extension map(ResultSet rs, int row) throws SQLException {
        return new Extension(rs.getString("tenant_id"), rs.getString("extension_id"), rs.getString("rc_account_id"),
                rs.getString("extension_number"), rs.getString("name"), rs.getBoolean("is_primary"),
                ExtensionStatus.fromDb(rs.getString("status")), AppSource.fromDb(rs.getString("app_source")),
                Timestamps.fromDb(rs, "access_expires_at"), Timestamps.fromDb(rs, "refresh_expires_at"),
                rs.getString("scope"), Timestamps.fromDb(rs, "next_refresh_at"), rs.getInt("refresh_failures"),
                rs.getString("last_refresh_error"), Timestamps.fromDb(rs, "connected_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
