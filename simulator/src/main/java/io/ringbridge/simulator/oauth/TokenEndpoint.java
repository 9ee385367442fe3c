package io.ringbridge.simulator.oauth;

import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.RcErrors;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.limits.RateLimiter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code POST /restapi/oauth/token} (grants {@code authorization_code} and {@code refresh_token}) and
 * {@code POST /restapi/oauth/revoke}. Every request that reaches the token endpoint is counted per grant type,
 * so tests can assert how many refreshes reached "RingCentral".
 */
public final class TokenEndpoint {
    private final DirectoryStore directory;
    private final AuthCodes codes;
    private final SessionStore sessions;
    private final RateLimiter limiter;
    private final ClientAuthenticator clients;
    private final ConcurrentHashMap<String, LongAdder> requestsByGrant = new ConcurrentHashMap<>();

    public TokenEndpoint(DirectoryStore directory, AuthCodes codes, SessionStore sessions, RateLimiter limiter) {
        this.directory = directory;
        this.codes = codes;
        this.sessions = sessions;
        this.limiter = limiter;
        this.clients = new ClientAuthenticator(directory);
    }

    /** Token-endpoint requests per {@code grant_type} (missing grant type counted as {@code none}). */
    public Map<String, Long> requestsByGrant() {
        Map<String, Long> copy = new TreeMap<>();
        requestsByGrant.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public void resetCounters() {
        requestsByGrant.clear();
    }

    public void token(Exchange exchange) {
        String contentType = exchange.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            throw RcErrors.oauth(415, "invalid_request", "CMN-104", "Cannot parse request");
        }
        Map<String, String> form = exchange.form();
        String grant = form.getOrDefault("grant_type", "none");
        requestsByGrant.computeIfAbsent(grant, k -> new LongAdder()).increment();
        App app = clients.authenticate(exchange);
        limiter.acquire(exchange, subject(form, grant), app.clientId(), RateGroup.AUTH);
        SessionStore.Ttl ttl = new SessionStore.Ttl(integer(form, "access_token_ttl"),
                integer(form, "refresh_token_ttl"));
        TokenPair pair = switch (grant) {
            case "authorization_code" -> redeemCode(app, form, ttl);
            case "refresh_token" -> {
                String refreshToken = form.get("refresh_token");
                if (refreshToken == null || refreshToken.isEmpty()) {
                    throw RcErrors.oauth(400, "invalid_request", "OAU-213", "Token not found");
                }
                yield sessions.refresh(app.clientId(), refreshToken, ttl);
            }
            case "none" -> throw RcErrors.oauth(400, "invalid_request", "CMN-101",
                    "Parameter [grant_type] value is invalid");
            default -> throw RcErrors.oauth(400, "unauthorized_client", "OAU-112",
                    "The client is unauthorized for the required grant type: [" + grant + "]");
        };
        exchange.setHeader("Cache-Control", "no-store");
        exchange.json(tokenInfo(pair, app));
    }

    public void revoke(Exchange exchange) {
        App app = clients.authenticate(exchange);
        String token = exchange.form().get("token");
        if (token == null) {
            token = exchange.query("token");
        }
        if (token == null || token.isEmpty()) {
            throw RcErrors.oauth(400, "invalid_request", "CMN-101", "Parameter [token] value is invalid");
        }
        Long owner = sessions.peekOwner(token);
        limiter.acquire(exchange, owner == null ? "-" : owner.toString(), app.clientId(), RateGroup.AUTH);
        // RFC 7009: an unknown or already invalid token is not an error.
        sessions.revoke(app.clientId(), token);
        exchange.json(200, null);
    }

    private TokenPair redeemCode(App app, Map<String, String> form, SessionStore.Ttl ttl) {
        AuthCodes.AuthCode code = codes.find(form.get("code"));
        if (code == null) {
            throw RcErrors.oauth(400, "invalid_grant", "OAU-106", "Invalid authorization code");
        }
        if (!code.clientId().equals(app.clientId())) {
            throw RcErrors.oauth(400, "invalid_grant", "OAU-110",
                    "Authorization code was not issued for this application");
        }
        if (!code.used().compareAndSet(false, true)) {
            throw RcErrors.oauth(400, "invalid_grant", "OAU-106", "Invalid authorization code");
        }
        if (System.currentTimeMillis() >= code.expiresAtMillis()) {
            throw RcErrors.oauth(400, "invalid_grant", "OAU-108", "Authorization code is expired");
        }
        String redirectUri = form.get("redirect_uri");
        if (redirectUri != null ? !redirectUri.equals(code.redirectUri()) : app.redirectUris().size() > 1) {
            throw RcErrors.oauth(400, "invalid_grant", "OAU-109", "Redirect URIs do not match");
        }
        if (code.challenge() != null && !Pkce.verifies(code.challenge(), code.method(), form.get("code_verifier"))) {
            throw RcErrors.oauth(400, "invalid_grant", "OAU-106", "Invalid authorization code");
        }
        if (directory.extension(code.extensionId()).isEmpty()) {
            throw RcErrors.oauth(400, "invalid_grant", "OAU-136", "Extension not found.");
        }
        return sessions.open(app.clientId(), code.accountId(), code.extensionId(), form.get("endpoint_id"), ttl);
    }

    /** The user a token request is about, for the Auth-group rate-limit key. */
    private String subject(Map<String, String> form, String grant) {
        if ("authorization_code".equals(grant)) {
            AuthCodes.AuthCode code = codes.find(form.get("code"));
            return code == null ? "-" : Long.toString(code.extensionId());
        }
        if ("refresh_token".equals(grant)) {
            Long owner = sessions.peekRefreshOwner(form.get("refresh_token"));
            return owner == null ? "-" : owner.toString();
        }
        return "-";
    }

    /** The {@code TokenInfo} body. */
    static Map<String, Object> tokenInfo(TokenPair pair, App app) {
        long now = System.currentTimeMillis();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", pair.accessToken);
        body.put("token_type", "bearer");
        body.put("expires_in", seconds(pair.accessExpiresAtMillis - now));
        if (pair.refreshToken != null) {
            body.put("refresh_token", pair.refreshToken);
            body.put("refresh_token_expires_in", seconds(pair.refreshExpiresAtMillis - now));
        }
        body.put("scope", app.scope());
        body.put("owner_id", Long.toString(pair.session.extensionId));
        body.put("endpoint_id", pair.session.endpointId);
        body.put("session_id", pair.session.id);
        return body;
    }

    private static int seconds(long millis) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.round(millis / 1000.0)));
    }

    private static Integer integer(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw RcErrors.oauth(400, "invalid_request", "CMN-101", "Parameter [" + name + "] value is invalid");
        }
    }
}
