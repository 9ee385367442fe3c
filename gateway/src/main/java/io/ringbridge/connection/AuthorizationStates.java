package io.ringbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ringbridge.platform.crypto.SecretBox;
import io.ringbridge.platform.db.Timestamps;

/**
 * The OAuth {@code state} of each authorization in progress: random, single use, bound to the connect token
 * that started it, and living as long as that kind of token does (5 min for a connect link, 30 min for an
 * invite), counted from the click. The PKCE verifier waits here, sealed, for the callback.
 */
@Repository
class AuthorizationStates {

    record Pending(String tenantId, TokenKind kind, String codeVerifier, AppSource appSource) {
        @Override
        public String toString() {
            return "Pending[tenantId=" + tenantId + ", kind=" + kind + "]";
        }
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    AuthorizationStates(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** @return the state value to put in the authorize URL */
    String create(ConnectTokens.Consumed token, String codeVerifier, AppSource source) {
        String state = SecretTokens.generate();
        String stateHash = SecretTokens.hash(state);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO oauth_state (state_hash, token_hash, tenant_id, kind, code_verifier, app_source,
                                                 created_at, expires_at)
                        VALUES (:state, :token, :tenant, :kind, :verifier, :source, :now, :expires)
                        """)
                .param("state", stateHash)
                .param("token", token.tokenHash())
                .param("tenant", token.tenantId())
                .param("kind", token.kind().wire)
                .param("verifier", secrets.seal(codeVerifier, context(stateHash)))
                .param("source", source.wire)
                .param("now", Timestamps.toDb(now))
                .param("expires", Timestamps.toDb(now.plus(token.lifetime())))
                .update();
        return state;
    }

    /** Uses up a state; empty when it is unknown, expired or already used. */
    Optional<Pending> consume(String state) {
        String stateHash = SecretTokens.hash(state);
        Instant now = clock.instant();
        int won = jdbc.sql("""
                        UPDATE oauth_state SET consumed_at = :now
                        WHERE state_hash = :state AND consumed_at IS NULL AND expires_at > :now
                        """)
                .param("now", Timestamps.toDb(now)).param("state", stateHash).update();
        if (won != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant_id, kind, code_verifier, app_source FROM oauth_state WHERE state_hash = :state")
                .param("state", stateHash)
                .query((rs, n) -> new Pending(rs.getString("tenant_id"), TokenKind.fromDb(rs.getString("kind")),
                        secrets.open(rs.getString("code_verifier"), context(stateHash)),
                        AppSource.fromDb(rs.getString("app_source"))))
                .optional();
    }

    int deleteStale() {
        return jdbc.sql("DELETE FROM oauth_state WHERE expires_at < :cutoff")
                .param("cutoff", Timestamps.toDb(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    static String context(String stateHash) {
        return "oauth_state:" + stateHash + ":code_verifier";
    }
}
