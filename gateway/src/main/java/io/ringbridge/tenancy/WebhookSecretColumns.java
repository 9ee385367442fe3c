package io.ringbridge.tenancy;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.ringbridge.platform.crypto.SealedColumns;
import io.ringbridge.platform.crypto.SecretBox;

/** Apps' webhook secrets, for key rotation. */
@Component
class WebhookSecretColumns implements SealedColumns {

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    WebhookSecretColumns(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public String name() {
        return "webhook secrets";
    }

    @Override
    public int resealWithPrimaryKey() {
        String prefix = secrets.currentPrefix();
        record Sealed(String appId, String secret) {
        }
        List<Sealed> old = jdbc.sql("SELECT id, webhook_secret FROM app WHERE SUBSTRING(webhook_secret FROM 1 FOR :len) <> :prefix")
                .param("len", prefix.length()).param("prefix", prefix)
                .query((rs, n) -> new Sealed(rs.getString("id"), rs.getString("webhook_secret"))).list();
        int count = 0;
        for (Sealed sealed : old) {
            String context = AppService.webhookSecretContext(sealed.appId());
            String resealed = secrets.seal(secrets.open(sealed.secret(), context), context);
            // Only if nobody changed it meanwhile.
            count += jdbc.sql("UPDATE app SET webhook_secret = :new WHERE id = :id AND webhook_secret = :old")
                    .param("new", resealed).param("id", sealed.appId()).param("old", sealed.secret()).update();
        }
        return count;
    }
}
