package io.ringbridge.simulator.oauth;

import io.ringbridge.simulator.http.ApiException;
import io.ringbridge.simulator.http.RcErrors;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All OAuth sessions and their tokens: issuing, refresh rotation with RingCentral's grace windows, revocation
 * and the per (user, app) session cap. Token lookups are lock-free map reads; each session's rotation is
 * serialised on the session.
 */
public final class SessionStore {
    private volatile OAuthSettings settings;
    private final ConcurrentHashMap<String, TokenPair> byAccess = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TokenPair> byRefresh = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, OAuthSession> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Deque<OAuthSession>> perUserApp = new ConcurrentHashMap<>();

    public SessionStore(OAuthSettings settings) {
        this.settings = settings;
    }

    public OAuthSettings settings() {
        return settings;
    }

    public void settings(OAuthSettings next) {
        this.settings = next;
    }

    public void reset() {
        byAccess.clear();
        byRefresh.clear();
        sessions.clear();
        perUserApp.clear();
    }

    /** Every session with its current pair and the pair that pair replaced, for the state file. */
    public List<SavedSession> snapshot() {
        Map<OAuthSession, List<TokenPair>> kept = new HashMap<>();
        for (TokenPair pair : byAccess.values()) {
            TokenPair current = pair.session.current;
            if (pair == current || pair.successor == current) {
                kept.computeIfAbsent(pair.session, s -> new ArrayList<>()).add(pair);
            }
        }
        List<SavedSession> saved = new ArrayList<>();
        for (Map.Entry<OAuthSession, List<TokenPair>> entry : kept.entrySet()) {
            OAuthSession s = entry.getKey();
            List<SavedSession.Pair> pairs = entry.getValue().stream()
                    .sorted(Comparator.comparingLong((TokenPair p) -> p.issuedAtMillis)
                            .thenComparing(p -> p.successor == null))
                    .map(p -> new SavedSession.Pair(p.accessToken, p.refreshToken, p.issuedAtMillis,
                            p.accessExpiresAtMillis, p.refreshExpiresAtMillis, p.firstUsedAtMillis.get(),
                            p.supersededAtMillis))
                    .toList();
            saved.add(new SavedSession(s.id, s.clientId, s.accountId, s.extensionId, s.endpointId,
                    s.createdAtMillis, s.ended, pairs));
        }
        return saved;
    }

    /** Replaces every session with those of the state file. */
    public void restore(List<SavedSession> saved) {
        reset();
        List<SavedSession> oldestFirst = new ArrayList<>(saved);
        oldestFirst.sort(Comparator.comparingLong(SavedSession::createdAtMillis));
        for (SavedSession s : oldestFirst) {
            if (s.pairs().isEmpty()) {
                continue;
            }
            OAuthSession session = new OAuthSession(s.id(), s.clientId(), s.accountId(), s.extensionId(),
                    s.endpointId(), s.createdAtMillis());
            session.ended = s.ended();
            TokenPair previous = null;
            for (SavedSession.Pair p : s.pairs()) {
                TokenPair pair = new TokenPair(session, p.accessToken(), p.refreshToken(), p.issuedAtMillis(),
                        p.accessExpiresAtMillis(), p.refreshExpiresAtMillis());
                pair.firstUsedAtMillis.set(p.firstUsedAtMillis());
                pair.supersededAtMillis = p.supersededAtMillis();
                byAccess.put(pair.accessToken, pair);
                if (pair.refreshToken != null) {
                    byRefresh.put(pair.refreshToken, pair);
                }
                if (previous != null) {
                    previous.successor = pair;
                }
                previous = pair;
            }
            session.current = previous;
            sessions.put(session.id, session);
            perUserApp.computeIfAbsent(s.extensionId() + "|" + s.clientId(), k -> new ArrayDeque<>())
                    .addLast(session);
        }
    }

    /** Requested lifetimes (token request's {@code access_token_ttl} / {@code refresh_token_ttl}), may be null. */
    public record Ttl(Integer accessSeconds, Integer refreshSeconds) {
        static final Ttl DEFAULT = new Ttl(null, null);
    }

    /**
     * Opens a session for a user and app and issues its first pair. Beyond the session cap, the oldest active
     * session of that (user, app) ends.
     */
    public TokenPair open(String clientId, long accountId, long extensionId, String endpointId, Ttl ttl) {
        String endpoint = endpointId == null || endpointId.isBlank() ? Tokens.random(16) : endpointId;
        OAuthSession session = new OAuthSession(UUID.randomUUID().toString(), clientId, accountId, extensionId,
                endpoint, System.currentTimeMillis());
        Deque<OAuthSession> queue = perUserApp.computeIfAbsent(extensionId + "|" + clientId,
                k -> new ArrayDeque<>());
        synchronized (queue) {
            queue.removeIf(s -> !s.active());
            while (queue.size() >= Math.max(1, settings.sessionCap())) {
                end(queue.pollFirst(), OAuthSession.End.EVICTED);
            }
            queue.addLast(session);
        }
        sessions.put(session.id, session);
        synchronized (session) {
            return issue(session, ttl, System.currentTimeMillis());
        }
    }

    /** The pair a valid access token belongs to; throws the RingCentral 401 otherwise. */
    public TokenPair authenticate(String accessToken) {
        TokenPair pair = byAccess.get(accessToken);
        if (pair == null) {
            throw Tokens.looksLikeAccessToken(accessToken) ? notFound401() : corrupted401();
        }
        long now = System.currentTimeMillis();
        if (!pair.session.active()) {
            throw notFound401();
        }
        if (pair.successor != null) {
            // Right after a refresh the old token is reported "corrupted"; once the rotation settles, "not found".
            throw now < graceEnd(pair) ? corrupted401() : notFound401();
        }
        if (now >= pair.accessExpiresAtMillis) {
            throw RcErrors.api(401, "OAU-128", "Access token expired.");
        }
        pair.markUsed(now);
        return pair;
    }

    /** The extension an access or refresh token belongs to, for rate-limit keys; {@code null} when unknown. */
    public Long peekOwner(String token) {
        TokenPair pair = byAccess.get(token);
        if (pair == null) {
            pair = byRefresh.get(token);
        }
        return pair == null ? null : pair.session.extensionId;
    }

    /** The extension a refresh token belongs to, for rate-limit keys; {@code null} when unknown. */
    public Long peekRefreshOwner(String refreshToken) {
        TokenPair pair = refreshToken == null ? null : byRefresh.get(refreshToken);
        return pair == null ? null : pair.session.extensionId;
    }

    /**
     * The refresh grant. The current refresh token rotates the pair (the old access token dies at once). A
     * rotated-out refresh token returns the same new pair while its grace lasts: until ~10 s after the new
     * access token is first used, or up to 60 min while it is unused. After that: invalid_grant.
     */
    public TokenPair refresh(String clientId, String refreshToken, Ttl ttl) {
        TokenPair pair = byRefresh.get(refreshToken);
        if (pair == null || !pair.session.clientId.equals(clientId)) {
            throw tokenNotFound();
        }
        OAuthSession session = pair.session;
        synchronized (session) {
            if (session.ended == OAuthSession.End.REVOKED) {
                throw RcErrors.oauth(400, "invalid_grant", "OAU-211", "Token revoked");
            }
            if (session.ended != null) {
                throw tokenNotFound();
            }
            long now = System.currentTimeMillis();
            TokenPair next = pair.successor;
            if (next == null) {
                if (now >= pair.refreshExpiresAtMillis) {
                    throw RcErrors.oauth(400, "invalid_grant", "OAU-210", "Token expired");
                }
                TokenPair issued = issue(session, ttl, now);
                pair.supersededAtMillis = now;
                pair.successor = issued;
                return issued;
            }
            if (next.successor == null && now < graceEnd(pair)) {
                return next;
            }
            throw tokenNotFound();
        }
    }

    /** Ends the session a token (access or refresh) belongs to. Returns false when the token is unknown. */
    public boolean revoke(String clientId, String token) {
        TokenPair pair = byAccess.get(token);
        if (pair == null) {
            pair = byRefresh.get(token);
        }
        if (pair == null || (clientId != null && !pair.session.clientId.equals(clientId))) {
            return false;
        }
        end(pair.session, OAuthSession.End.REVOKED);
        return true;
    }

    /** Ends a session by id (admin). */
    public boolean revokeSession(String sessionId) {
        OAuthSession session = sessions.get(sessionId);
        if (session == null) {
            return false;
        }
        end(session, OAuthSession.End.REVOKED);
        return true;
    }

    public Optional<OAuthSession> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** A view of every session for the admin API. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (OAuthSession s : sessions.values()) {
            list.add(Map.of("sessionId", s.id, "clientId", s.clientId, "accountId", Long.toString(s.accountId),
                    "extensionId", Long.toString(s.extensionId),
                    "status", s.ended == null ? "Active" : s.ended.name(),
                    "createdAt", java.time.Instant.ofEpochMilli(s.createdAtMillis).toString()));
        }
        return list;
    }

    /** Number of active sessions of a (user, app). */
    public int activeSessions(long extensionId, String clientId) {
        Deque<OAuthSession> queue = perUserApp.get(extensionId + "|" + clientId);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return (int) queue.stream().filter(OAuthSession::active).count();
        }
    }

    private void end(OAuthSession session, OAuthSession.End why) {
        if (session == null) {
            return;
        }
        synchronized (session) {
            if (session.ended == null) {
                session.ended = why;
            }
        }
    }

    /** When a rotated-out pair's refresh token (and "corrupted" access answer) stops being honoured. */
    private long graceEnd(TokenPair rotatedOut) {
        TokenPair next = rotatedOut.successor;
        OAuthSettings s = settings;
        long firstUse = next.firstUsedAtMillis.get();
        return firstUse != 0
                ? Math.min(firstUse + s.graceAfterUse().toMillis(),
                        rotatedOut.supersededAtMillis + s.graceUnused().toMillis())
                : rotatedOut.supersededAtMillis + s.graceUnused().toMillis();
    }

    private TokenPair issue(OAuthSession session, Ttl ttl, long now) {
        OAuthSettings s = settings;
        long accessMs = clamp(ttl.accessSeconds(), s.accessTokenTtl(), 600);
        long refreshMs = ttl.refreshSeconds() != null && ttl.refreshSeconds() == 0
                ? 0 : clamp(ttl.refreshSeconds(), s.refreshTokenTtl(), 0);
        String refresh = refreshMs == 0 ? null : Tokens.refresh();
        TokenPair pair = new TokenPair(session, Tokens.access(), refresh, now, now + accessMs, now + refreshMs);
        byAccess.put(pair.accessToken, pair);
        if (refresh != null) {
            byRefresh.put(refresh, pair);
        }
        session.current = pair;
        return pair;
    }

    /** RingCentral clamps requested TTLs to the app default (upper) and a floor (600 s for access tokens). */
    private static long clamp(Integer requestedSeconds, Duration configured, long floorSeconds) {
        long max = configured.toMillis();
        if (requestedSeconds == null || requestedSeconds < 0) {
            return max;
        }
        long requested = Math.max(requestedSeconds, floorSeconds) * 1000L;
        return Math.min(requested, max);
    }

    private static ApiException tokenNotFound() {
        return RcErrors.oauth(400, "invalid_grant", "OAU-213", "Token not found");
    }

    private static ApiException notFound401() {
        return RcErrors.api(401, "OAU-213", "Token not found");
    }

    private static ApiException corrupted401() {
        return RcErrors.api(401, "OAU-129", "Access token corrupted.");
    }
}
