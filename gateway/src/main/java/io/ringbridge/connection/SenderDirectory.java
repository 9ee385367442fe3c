package io.ringbridge.connection;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which connected extension sends from a number ({@code from} → the extension that owns it).
 * Cached per instance; dropped at once on this instance when the tenant's connection changes, and within a few
 * seconds on the others.
 */
@Component
public class SenderDirectory {

    /** The extension that owns a tenant's SMS number, and whether it can send now. */
    public record Route(String tenantId, String extensionId, ExtensionStatus status) {
    }

    private record Key(String tenantId, String number) {
    }

    private final JdbcClient jdbc;
    private final Cache<Key, Optional<Route>> routes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5)).maximumSize(100_000).build();

    SenderDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Route> route(String tenantId, String number) {
        return routes.get(new Key(tenantId, number), key -> jdbc.sql("""
                        SELECT e.extension_id, e.status FROM rc_phone_number n
                        JOIN rc_extension e ON e.tenant_id = n.tenant_id AND e.extension_id = n.extension_id
                        WHERE n.tenant_id = :tenant AND n.phone_number = :number AND n.kind = 'sms'
                        ORDER BY CASE e.status WHEN 'active' THEN 0 WHEN 'refresh_failed' THEN 1 ELSE 2 END
                        LIMIT 1
                        """)
                .param("tenant", tenantId).param("number", number)
                .query((rs, n) -> new Route(tenantId, rs.getString("extension_id"), ExtensionStatus.fromDb(rs.getString("status"))))
                .optional());
    }

    /** Whether a connected extension of the tenant has the number as a high-volume (A2P) number only. */
    public boolean a2pOnly(String tenantId, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM rc_phone_number WHERE tenant_id = :tenant AND phone_number = :number AND kind = 'a2p'")
                .param("tenant", tenantId).param("number", number).query(Long.class).single() > 0;
    }

    /** Whether the tenant has any RingCentral extension connected (in whatever state). */
    public boolean connected(String tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM rc_extension WHERE tenant_id = :tenant")
                .param("tenant", tenantId).query(Long.class).single() > 0;
    }

    @EventListener
    void onConnectionChanged(ConnectionChanged changed) {
        routes.asMap().keySet().removeIf(key -> key.tenantId().equals(changed.tenantId()));
    }
}
