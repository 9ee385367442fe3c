package io.ringbridge.simulator.oauth;

import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.RcErrors;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.limits.RateLimiter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /restapi/oauth/authorize}: checks the client and redirect URI, then shows the consent page; the
 * page posts to {@code /restapi/oauth/consent}, which redirects back with a code or {@code access_denied}.
 */
public final class AuthorizeEndpoint {
    /** How long a shown consent page stays usable. */
    private static final long PENDING_TTL_MS = 15 * 60_000;

    private final DirectoryStore directory;
    private final AuthCodes codes;
    private final SessionStore sessions;
    private final RateLimiter limiter;
    private final String label;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(String clientId, String redirectUri, String state, String challenge, String method,
                           long expiresAtMillis) {
    }

    public AuthorizeEndpoint(DirectoryStore directory, AuthCodes codes, SessionStore sessions, RateLimiter limiter,
                             String label) {
        this.directory = directory;
        this.codes = codes;
        this.sessions = sessions;
        this.limiter = limiter;
        this.label = label;
    }

    public void authorize(Exchange exchange) {
        boolean post = "POST".equals(exchange.method());
        Map<String, String> form = post ? exchange.form() : Map.of();
        java.util.function.Function<String, String> param = name -> post && form.containsKey(name)
                ? form.get(name) : exchange.query(name);

        String clientId = param.apply("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw RcErrors.oauth(400, "invalid_request", "OAU-153", "Invalid client: ");
        }
        App app = directory.app(clientId)
                .orElseThrow(() -> RcErrors.oauth(400, "invalid_client", "OAU-153", "Invalid client: " + clientId));
        if (app.redirectUris().isEmpty()) {
            throw RcErrors.oauth(403, "invalid_client", "OAU-113", "No redirect uri is registered for the client");
        }
        String redirectUri = param.apply("redirect_uri");
        if (redirectUri == null || redirectUri.isEmpty()) {
            if (app.redirectUris().size() != 1) {
                throw RcErrors.oauth(400, "invalid_grant", "OAU-109", "Redirect URIs do not match");
            }
            redirectUri = app.redirectUris().getFirst();
        } else if (!app.redirectUris().contains(redirectUri)) {
            throw RcErrors.oauth(400, "invalid_grant", "OAU-109", "Redirect URIs do not match");
        }
        String state = param.apply("state");
        // From here on the redirect URI is trusted, so errors go back to the client as RFC 6749 says.
        if (!"code".equals(param.apply("response_type"))) {
            exchange.redirect(errorRedirect(redirectUri, "unsupported_response_type",
                    "Parameter [response_type] value is invalid", state));
            return;
        }
        String challenge = param.apply("code_challenge");
        String method = param.apply("code_challenge_method");
        if (challenge != null && !challenge.isEmpty()) {
            method = method == null || method.isEmpty() ? "plain" : method;
            if (!method.equals("plain") && !method.equals("S256")) {
                exchange.redirect(errorRedirect(redirectUri, "invalid_request",
                        "Parameter [code_challenge_method] value is invalid", state));
                return;
            }
        } else {
            challenge = null;
            method = null;
        }
        purgePending();
        String requestId = Tokens.random(18);
        pending.put(requestId, new Pending(clientId, redirectUri, state, challenge, method,
                System.currentTimeMillis() + PENDING_TTL_MS));
        String action = exchange.baseUrl() + "/restapi/oauth/consent";
        exchange.html(200, ConsentPage.render(label, action, requestId, app, directory.directory().accounts()));
    }

    /** The consent form's target: Approve issues a code, Deny returns {@code access_denied}. */
    public void consent(Exchange exchange) {
        Map<String, String> form = exchange.form();
        Pending request = pending.remove(form.getOrDefault("request_id", ""));
        if (request == null || request.expiresAtMillis() < System.currentTimeMillis()) {
            exchange.html(400, ConsentPage.error(label, "Authorization request expired",
                    "Start the sign-in again from the application."));
            return;
        }
        if (!"approve".equals(form.get("decision"))) {
            exchange.redirect(errorRedirect(request.redirectUri(), "access_denied",
                    "The user has denied access to the application", request.state()));
            return;
        }
        String user = form.getOrDefault("user", "");
        int colon = user.indexOf(':');
        DirectoryStore.Member member = null;
        try {
            long extensionId = Long.parseLong(colon < 0 ? user : user.substring(colon + 1));
            member = directory.extension(extensionId).orElse(null);
        } catch (NumberFormatException ignored) {
            // falls through to the error page
        }
        if (member == null || !"Enabled".equals(member.extension().status())) {
            exchange.html(400, ConsentPage.error(label, "Unknown user", "Choose a user of the account."));
            return;
        }
        // The Auth group is per (user, app); the user is known once the sign-in form is submitted.
        limiter.acquire(exchange, Long.toString(member.extension().id()), request.clientId(), RateGroup.AUTH);
        AuthCodes.AuthCode code = codes.issue(request.clientId(), request.redirectUri(), member.account().id(),
                member.extension().id(), request.challenge(), request.method(),
                sessions.settings().authCodeTtl().toMillis());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code.code());
        if (request.state() != null) {
            query.put("state", request.state());
        }
        query.put("expires_in", Long.toString(sessions.settings().authCodeTtl().toSeconds()));
        exchange.redirect(append(request.redirectUri(), query));
    }

    private static String errorRedirect(String redirectUri, String error, String description, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("error", error);
        query.put("error_description", description);
        if (state != null) {
            query.put("state", state);
        }
        return append(redirectUri, query);
    }

    private static String append(String uri, Map<String, String> query) {
        StringBuilder out = new StringBuilder(uri);
        char sep = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            out.append(sep).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return out.toString();
    }

    private void purgePending() {
        if (pending.size() > 1000) {
            long now = System.currentTimeMillis();
            pending.values().removeIf(p -> p.expiresAtMillis() < now);
        }
    }
}
