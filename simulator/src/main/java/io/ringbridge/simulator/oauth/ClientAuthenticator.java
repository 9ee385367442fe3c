package io.ringbridge.simulator.oauth;

import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.RcErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Client authentication of the token and revoke endpoints. Confidential apps must use HTTP Basic
 * ({@code client_secret_basic}); a secret in the form body is refused with OAU-153, no credentials with OAU-123.
 * Apps registered without a secret are public clients and identify themselves with {@code client_id}.
 */
final class ClientAuthenticator {
    private final DirectoryStore directory;

    ClientAuthenticator(DirectoryStore directory) {
        this.directory = directory;
    }

    App authenticate(Exchange exchange) {
        String header = exchange.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RcErrors.clientAuthenticationRequired();
            }
            int colon = decoded.indexOf(':');
            String clientId = colon < 0 ? decoded : decoded.substring(0, colon);
            String secret = colon < 0 ? "" : decoded.substring(colon + 1);
            App app = directory.app(clientId).orElseThrow(() -> RcErrors.invalidClient(clientId));
            if (!isPublic(app) && !MessageDigest.isEqual(app.clientSecret().getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8))) {
                throw RcErrors.invalidClient(clientId);
            }
            return app;
        }
        if (exchange.form().containsKey("client_secret")) {
            throw RcErrors.invalidClient("");
        }
        String clientId = exchange.form().get("client_id");
        if (clientId != null) {
            App app = directory.app(clientId).orElseThrow(() -> RcErrors.invalidClient(clientId));
            if (isPublic(app)) {
                return app;
            }
        }
        throw RcErrors.clientAuthenticationRequired();
    }

    private static boolean isPublic(App app) {
        return app.clientSecret() == null || app.clientSecret().isEmpty();
    }
}
