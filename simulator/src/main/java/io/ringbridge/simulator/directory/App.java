package io.ringbridge.simulator.directory;

import java.util.List;

/**
 * A registered client application.
 *
 * @param redirectUris registered OAuth redirect URIs; empty means a JWT-only app (authorize answers OAU-113)
 * @param permissions  application permissions, e.g. {@code SMS ReadMessages ReadAccounts WebhookSubscriptions}
 */
public record App(String clientId, String clientSecret, String name, List<String> redirectUris,
                  List<String> permissions) {

    public App {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("app clientId is required");
        }
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    /** The OAuth {@code scope} string: the app's permissions, space-separated. */
    public String scope() {
        return String.join(" ", permissions);
    }
}
