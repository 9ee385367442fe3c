package io.ringbridge.simulator.oauth;

import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.RcErrors;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.limits.RateLimiter;

/**
 * The gate of every REST API call: bearer token (401s as RingCentral words them), then the rate limit of the
 * operation's group, then the app permission the operation needs (403 CMN-401).
 */
public final class ApiAccess {
    private final SessionStore sessions;
    private final DirectoryStore directory;
    private final RateLimiter limiter;

    public ApiAccess(SessionStore sessions, DirectoryStore directory, RateLimiter limiter) {
        this.sessions = sessions;
        this.directory = directory;
        this.limiter = limiter;
    }

    /**
     * @param permission the app permission required, or {@code null}
     */
    public Caller admit(Exchange exchange, RateGroup group, String permission) {
        Caller caller = authenticate(exchange);
        limiter.acquire(exchange, caller.extensionIdText(), caller.app().clientId(), group);
        if (permission != null && !caller.app().has(permission)) {
            throw RcErrors.permissionRequired(permission);
        }
        return caller;
    }

    public Caller authenticate(Exchange exchange) {
        String header = exchange.header("Authorization");
        String token;
        if (header == null || header.isBlank()) {
            token = exchange.query("access_token");
            if (token == null) {
                throw RcErrors.api(401, "CMN-405", "Login to extension required.");
            }
        } else if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else {
            throw RcErrors.api(401, "OAU-134", "Invalid Authorization header.");
        }
        return authenticateToken(token);
    }

    /** The caller behind a raw RingCentral access token (also used by the RingCX token exchange). */
    public Caller authenticateToken(String token) {
        TokenPair pair = sessions.authenticate(token);
        OAuthSession session = pair.session();
        App app = directory.app(session.clientId())
                .orElseThrow(() -> RcErrors.api(401, "OAU-120", "Wrong Application ID"));
        DirectoryStore.Member member = directory.extension(session.extensionId())
                .orElseThrow(() -> RcErrors.api(401, "OAU-136", "Extension not found."));
        return new Caller(pair, app, member.account(), member.extension());
    }

    /** Checks the {@code accountId} / {@code extensionId} path parameters against the caller ({@code ~} = own). */
    public static void ownPath(Exchange exchange, Caller caller) {
        String account = exchange.pathParam("accountId");
        if (account != null && !account.equals("~") && !account.equals(caller.accountIdText())) {
            throw RcErrors.notFound("accountId");
        }
        String extension = exchange.pathParam("extensionId");
        if (extension != null && !extension.equals("~") && !extension.equals(caller.extensionIdText())) {
            boolean sameAccount = false;
            try {
                sameAccount = caller.account().extensions().stream()
                        .anyMatch(e -> e.id() == Long.parseLong(extension));
            } catch (NumberFormatException ignored) {
                // not an id: not found
            }
            if (sameAccount) {
                throw RcErrors.api(403, "CMN-404", "Attempt to access another extension");
            }
            throw RcErrors.notFound("extensionId");
        }
    }
}
