package io.ringbridge.connection;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.crypto.SecretBox;

/** Seals an extension's tokens bound to its row: a token copied into another extension's row does not open. */
@Component
class TokenSealing {

    private final SecretBox secrets;

    TokenSealing(SecretBox secrets) {
        this.secrets = secrets;
    }

    String sealAccess(Extensions.Key key, String token) {
        return secrets.seal(token, context(key, "access_token"));
    }

    String sealRefresh(Extensions.Key key, String token) {
        return secrets.seal(token, context(key, "refresh_token"));
    }

    String openAccess(Extensions.Key key, String sealed) {
        return secrets.open(sealed, context(key, "access_token"));
    }

    String openRefresh(Extensions.Key key, String sealed) {
        return secrets.open(sealed, context(key, "refresh_token"));
    }

    private static String context(Extensions.Key key, String column) {
        return "rc_extension:" + key.tenantId() + ":" + key.extensionId() + ":" + column;
    }
}
