package io.ringbridge.connection;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.ringbridge.platform.crypto.SecretBox;
import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.ringcentral.RingCentralApp;

/**
 * Which RingCentral app a tenant uses: its own [ext] ({@code PUT /v1/rc/app}, secret sealed) or the operator's.
 * Tokens stay tied to the app that issued them, so refreshes ask for the app by {@link AppSource}.
 */
@Component
class RingCentralApps {

    record Choice(AppSource source, RingCentralApp app) {
    }

    /** A tenant's own app as the API shows it: never the secret. */
    record TenantApp(String clientId, URI server) {
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final OperatorRingCentral operator;
    private final Clock clock;

    RingCentralApps(JdbcClient jdbc, SecretBox secrets, OperatorRingCentral operator, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.operator = operator;
        this.clock = clock;
    }

    /** The app a new authorization of this tenant goes through. */
    Choice forNewConnection(String tenantId) {
        return tenantApp(tenantId).map(app -> new Choice(AppSource.TENANT, app))
                .orElseGet(() -> new Choice(AppSource.OPERATOR, operator.app()));
    }

    /** The app that issued an extension's tokens. */
    RingCentralApp forSource(String tenantId, AppSource source) {
        if (source == AppSource.OPERATOR) {
            return operator.app();
        }
        return tenantApp(tenantId).orElseThrow(() -> new IllegalStateException(
                "The tenant's own RingCentral app was removed; its extensions must be reconnected"));
    }

    URI operatorServer() {
        return operator.app().server();
    }

    /** The server of the app that {@code source} names, if it still exists. */
    Optional<URI> serverOf(String tenantId, AppSource source) {
        return source == AppSource.OPERATOR ? Optional.of(operatorServer())
                : describe(tenantId).map(TenantApp::server);
    }

    Optional<TenantApp> describe(String tenantId) {
        return jdbc.sql("SELECT client_id, server FROM rc_app WHERE tenant_id = :tenant")
                .param("tenant", tenantId)
                .query((rs, n) -> new TenantApp(rs.getString("client_id"), URI.create(rs.getString("server"))))
                .optional();
    }

    void save(String tenantId, String clientId, String clientSecret, URI server) {
        Instant now = clock.instant();
        String sealed = secrets.seal(clientSecret, secretContext(tenantId));
        int updated = jdbc.sql("UPDATE rc_app SET client_id = :id, client_secret = :secret, server = :server, updated_at = :now WHERE tenant_id = :tenant")
                .param("id", clientId).param("secret", sealed).param("server", server.toString())
                .param("now", Timestamps.toDb(now)).param("tenant", tenantId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rc_app (tenant_id, client_id, client_secret, server, created_at, updated_at) VALUES (:tenant, :id, :secret, :server, :now, :now)")
                    .param("tenant", tenantId).param("id", clientId).param("secret", sealed)
                    .param("server", server.toString()).param("now", Timestamps.toDb(now)).update();
        }
    }

    boolean delete(String tenantId) {
        return jdbc.sql("DELETE FROM rc_app WHERE tenant_id = :tenant").param("tenant", tenantId).update() == 1;
    }

    private Optional<RingCentralApp> tenantApp(String tenantId) {
        return jdbc.sql("SELECT client_id, client_secret, server FROM rc_app WHERE tenant_id = :tenant")
                .param("tenant", tenantId)
                .query((rs, n) -> new RingCentralApp(rs.getString("client_id"),
                        secrets.open(rs.getString("client_secret"), secretContext(tenantId)), URI.create(rs.getString("server"))))
                .optional();
    }

    static String secretContext(String tenantId) {
        return "rc_app:" + tenantId + ":client_secret";
    }
}
