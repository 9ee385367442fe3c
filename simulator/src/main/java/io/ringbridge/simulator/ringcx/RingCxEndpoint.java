package io.ringbridge.simulator.ringcx;

import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.http.ApiException;
import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.Times;
import io.ringbridge.simulator.limits.GroupLimit;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.limits.RateLimitSettings;
import io.ringbridge.simulator.limits.RateLimiter;
import io.ringbridge.simulator.oauth.ApiAccess;
import io.ringbridge.simulator.oauth.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RingCX (Engage Voice) auth: exchange of a RingCentral access token for RingCX tokens, refresh (rotating),
 * and one admin API ({@code GET /voice/api/v1/admin/accounts}) to use the token on. RingCX is a separate
 * service, so its errors are not RingCentral-shaped: Spring-style JSON, and plain {@code Jwt is expired}.
 */
public final class RingCxEndpoint {
    private final ApiAccess access;
    private final DirectoryStore directory;
    private final RingCxTokens tokens = new RingCxTokens();
    private final RateLimiter exchangeLimiter;
    private volatile RingCxRules rules;

    public RingCxEndpoint(ApiAccess access, DirectoryStore directory, RingCxRules rules, boolean limitsEnabled) {
        this.access = access;
        this.directory = directory;
        this.rules = rules;
        this.exchangeLimiter = new RateLimiter(limiterSettings(rules, limitsEnabled));
    }

    public RingCxRules rules() {
        return rules;
    }

    public void rules(RingCxRules next, boolean limitsEnabled) {
        this.rules = next;
        exchangeLimiter.settings(limiterSettings(next, limitsEnabled));
    }

    public void limitsEnabled(boolean enabled) {
        exchangeLimiter.settings(limiterSettings(rules, enabled));
    }

    public void reset() {
        tokens.reset();
        exchangeLimiter.reset();
    }

    public RingCxTokens.Saved snapshot() {
        return tokens.snapshot();
    }

    public void restore(RingCxTokens.Saved saved) {
        tokens.restore(saved);
    }

    /** {@code POST /api/auth/login/rc/accesstoken?includeRefresh=true}, form {@code rcAccessToken, rcTokenType}. */
    public void login(Exchange exchange) {
        Map<String, String> form = exchange.form();
        String rcToken = form.get("rcAccessToken");
        if (rcToken == null || rcToken.isEmpty()) {
            throw error(exchange, 400, "Bad Request", "Required parameter 'rcAccessToken' is not present.");
        }
        if (!"Bearer".equals(form.get("rcTokenType"))) {
            throw error(exchange, 400, "Bad Request", "Parameter 'rcTokenType' must be 'Bearer'");
        }
        Caller caller;
        try {
            caller = access.authenticateToken(rcToken);
        } catch (ApiException e) {
            throw error(exchange, 401, "Unauthorized", "Invalid RingCentral access token");
        }
        try {
            exchangeLimiter.acquire(exchange, caller.extensionIdText(), caller.app().clientId(), RateGroup.AUTH);
        } catch (ApiException e) {
            ApiException tooMany = error(exchange, 429, "Too Many Requests", "Too many login requests");
            tooMany.header("Retry-After", e.headers().getOrDefault("Retry-After", "60"));
            throw tooMany;
        }
        if (!caller.app().has("ReadAccounts")) {
            throw error(exchange, 403, "Forbidden", "The RingCentral token lacks the ReadAccounts permission");
        }
        Account account = caller.account();
        if (!account.ringCxEnabled()) {
            throw error(exchange, 403, "Forbidden",
                    "No RingCX account is linked to RingCentral account " + account.id());
        }
        String includeRefresh = exchange.query("includeRefresh");
        exchange.json(tokenBody(account, caller.extension(), "true".equalsIgnoreCase(includeRefresh)));
    }

    /** {@code POST /api/auth/token/refresh}, form {@code refresh_token}: new access and refresh token. */
    public void refresh(Exchange exchange) {
        RingCxTokens.Grant grant = tokens.redeemRefresh(exchange.form().get("refresh_token"));
        if (grant == null || grant.expiresAtMillis() <= System.currentTimeMillis()) {
            throw error(exchange, 401, "Unauthorized", "Invalid refresh token");
        }
        DirectoryStore.Member member = directory.extension(grant.rcExtensionId()).orElse(null);
        if (member == null || !member.account().ringCxEnabled()) {
            throw error(exchange, 401, "Unauthorized", "Invalid refresh token");
        }
        exchange.json(tokenBody(member.account(), member.extension(), true));
    }

    /** {@code GET /voice/api/v1/admin/accounts} with a RingCX bearer token. */
    public void accounts(Exchange exchange) {
        String header = exchange.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        RingCxTokens.Grant grant = tokens.access(token);
        if (grant == null) {
            throw error(exchange, 401, "Unauthorized", "Full authentication is required to access this resource");
        }
        if (grant.expiresAtMillis() <= System.currentTimeMillis()) {
            throw new ApiException(401, "Jwt is expired");
        }
        DirectoryStore.Member member = directory.extension(grant.rcExtensionId()).orElse(null);
        List<Map<String, Object>> accounts = new ArrayList<>();
        if (member != null && member.account().ringCxEnabled()) {
            var cx = member.account().ringCx();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("accountId", cx.accountId());
            item.put("accountName", cx.accountName());
            item.put("mainAccountId", cx.mainAccountId());
            item.put("rcAccountId", Long.toString(member.account().id()));
            item.put("enabled", true);
            accounts.add(item);
        }
        exchange.json(accounts);
    }

    private Map<String, Object> tokenBody(Account account, Extension extension, boolean includeRefresh) {
        RingCxRules current = rules;
        var cx = account.ringCx();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", tokens.issueAccess(account.id(), extension.id(), cx.accountId(),
                current.accessTokenTtl().toMillis()));
        if (includeRefresh) {
            body.put("refreshToken", tokens.issueRefresh(account.id(), extension.id(),
                    current.refreshTokenTtl().toMillis()));
        }
        body.put("tokenType", "Bearer");
        body.put("mainAccountId", cx.mainAccountId());
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("agentId", agentId(extension));
        String first = extension.contact() == null ? null : extension.contact().firstName();
        String last = extension.contact() == null ? null : extension.contact().lastName();
        agent.put("firstName", first == null ? extension.name() : first);
        agent.put("lastName", last == null ? "" : last);
        String email = extension.contact() == null ? null : extension.contact().email();
        agent.put("email", email);
        agent.put("username", email == null ? extension.extensionNumber() : email);
        agent.put("agentType", "AGENT");
        agent.put("rcUserId", extension.id());
        agent.put("accountId", cx.accountId());
        agent.put("accountName", cx.accountName());
        agent.put("allowLoginControl", true);
        agent.put("allowLoginUpdates", true);
        body.put("agentDetails", List.of(agent));
        body.put("adminId", agentId(extension) + 1_000_000);
        body.put("adminUrl", "/voice/admin/");
        body.put("agentUrl", "/voice/agent/");
        body.put("ssoLogin", true);
        return body;
    }

    /** A stable RingCX agent id derived from the RingCentral extension. */
    private static long agentId(Extension extension) {
        return 1_000_000 + Math.floorMod(extension.id(), 9_000_000);
    }

    private static ApiException error(Exchange exchange, int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Times.iso(System.currentTimeMillis()));
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        body.put("path", exchange.path());
        return new ApiException(status, body);
    }

    private static RateLimitSettings limiterSettings(RingCxRules rules, boolean enabled) {
        return new RateLimitSettings(enabled, Map.of(RateGroup.AUTH,
                new GroupLimit(Math.max(1, rules.exchangesPerMinute()), Duration.ofMinutes(1), Duration.ZERO)));
    }
}
