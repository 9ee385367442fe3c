package io.ringbridge.connection;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.crypto.SealedColumns;
import io.ringbridge.platform.crypto.SecretBox;

/**
 * The connection's secrets for key rotation: extensions' tokens (under the row lock the refresher uses, so a
 * re-seal never overwrites a refresh), subscriptions' verification tokens, tenants' own app secrets and the PKCE
 * verifiers of OAuth states (short-lived, but kept for a day after they expire: the old key must not be needed).
 */
@Component
class ConnectionSecretColumns implements SealedColumns {

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final TokenSealing sealing;
    private final Extensions extensions;
    private final Subscriptions subscriptions;
    private final TransactionTemplate transactions;

    ConnectionSecretColumns(JdbcClient jdbc, SecretBox secrets, TokenSealing sealing, Extensions extensions,
                            Subscriptions subscriptions, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.sealing = sealing;
        this.extensions = extensions;
        this.subscriptions = subscriptions;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "RingCentral tokens and secrets";
    }

    @Override
    public int resealWithPrimaryKey() {
        String prefix = secrets.currentPrefix();
        int count = 0;
        List<Extensions.Key> stale = jdbc.sql("""
                        SELECT tenant_id, extension_id FROM rc_extension
                        WHERE SUBSTRING(access_token FROM 1 FOR :len) <> :prefix OR SUBSTRING(refresh_token FROM 1 FOR :len) <> :prefix
                        """)
                .param("len", prefix.length()).param("prefix", prefix)
                .query((rs, n) -> new Extensions.Key(rs.getString("tenant_id"), rs.getString("extension_id"))).list();
        for (Extensions.Key key : stale) {
            Boolean done = transactions.execute(tx -> extensions.lock(key.tenantId(), key.extensionId()).map(locked -> {
                extensions.reseal(key.tenantId(), key.extensionId(),
                        sealing.sealAccess(key, sealing.openAccess(key, locked.sealedAccessToken())),
                        sealing.sealRefresh(key, sealing.openRefresh(key, locked.sealedRefreshToken())));
                return true;
            }).orElse(false));
            count += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        for (Subscriptions.Row row : subscriptions.all()) {
            if (!row.sealedVerificationToken().startsWith(prefix)) {
                String context = SubscriptionManager.tokenContext(row.subscriptionKey());
                subscriptions.reseal(row.subscriptionKey(), secrets.seal(secrets.open(row.sealedVerificationToken(), context), context));
                count++;
            }
        }
        record App(String tenantId, String secret) {
        }
        List<App> apps = jdbc.sql("SELECT tenant_id, client_secret FROM rc_app WHERE SUBSTRING(client_secret FROM 1 FOR :len) <> :prefix")
                .param("len", prefix.length()).param("prefix", prefix)
                .query((rs, n) -> new App(rs.getString("tenant_id"), rs.getString("client_secret"))).list();
        for (App app : apps) {
            String context = RingCentralApps.secretContext(app.tenantId());
            count += jdbc.sql("UPDATE rc_app SET client_secret = :new WHERE tenant_id = :tenant AND client_secret = :old")
                    .param("new", secrets.seal(secrets.open(app.secret(), context), context))
                    .param("tenant", app.tenantId()).param("old", app.secret()).update();
        }
        record State(String stateHash, String verifier) {
        }
        List<State> states = jdbc.sql("SELECT state_hash, code_verifier FROM oauth_state WHERE SUBSTRING(code_verifier FROM 1 FOR :len) <> :prefix")
                .param("len", prefix.length()).param("prefix", prefix)
                .query((rs, n) -> new State(rs.getString("state_hash"), rs.getString("code_verifier"))).list();
        for (State state : states) {
            String context = AuthorizationStates.context(state.stateHash());
            count += jdbc.sql("UPDATE oauth_state SET code_verifier = :new WHERE state_hash = :hash AND code_verifier = :old")
                    .param("new", secrets.seal(secrets.open(state.verifier(), context), context))
                    .param("hash", state.stateHash()).param("old", state.verifier()).update();
        }
        return count;
    }
}
