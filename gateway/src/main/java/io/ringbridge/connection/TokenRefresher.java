package io.ringbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.pacing.RingCentralPacer;
import io.ringbridge.ringcentral.RateLimitDeferredException;
import io.ringbridge.ringcentral.RateLimitGroup;
import io.ringbridge.ringcentral.RefreshedTokens;
import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralApp;
import io.ringbridge.ringcentral.RingCentralException;
import io.ringbridge.ringcentral.RingCentralFailure;
import io.ringbridge.ringcentral.RingCentralOAuth;
import io.ringbridge.ringcentral.TokenSet;

/**
 * Refreshes an extension's tokens, at most one refresh per extension at a time across all instances.
 *
 * <p>RingCentral rotates refresh tokens: two refreshes racing with the same token can leave one side holding a
 * dead token (the classic cause of spurious "revoked" connections). So a refresh is a critical section: callers
 * on one instance share one attempt (single flight), instances serialize on the extension's row lock, and
 * whoever gets the lock re-reads the row and skips the call when someone else already refreshed. The RingCentral
 * call happens under the lock and is bounded by the client's request timeout. Every other writer of the tokens
 * (a reconnect, the re-sealing job) takes the same lock, so the refresh token sent is always the stored one and a
 * refresh can never lose a race to another.
 *
 * <p>Success stores the new pair and sets {@code active}. {@code invalid_grant} is therefore a real revocation
 * ({@code revoked}). Passing failures (network, 5xx, 429, client credentials) are retried with exponential
 * backoff that honours {@code Retry-After}, so refreshes never approach RingCentral's Auth limit (5 a minute);
 * the extension turns {@code refresh_failed} only once its access token is no longer usable, so a failing early
 * refresh does not stop a working extension.
 */
@Component
class TokenRefresher {

    private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

    /** RingCentral's Auth group allows 5 token requests a minute per user and app: retries never come closer. */
    static final Duration AUTH_SPACING = Duration.ofSeconds(12);

    private enum Mode {
        /** A caller needs a token now: refresh only if the access token is (nearly) expired. */
        WHEN_EXPIRING,
        /** The background sweep: refresh when the scheduled refresh time has come. */
        WHEN_DUE
    }

    /** What an attempt ended with. Failures are committed before they are thrown to the caller. */
    private sealed interface Outcome permits Usable, Unavailable {
    }

    private record Usable(RingCentralAccess access) implements Outcome {
    }

    private record Unavailable(ExtensionStatus status, String reason) implements Outcome {
    }

    private final Extensions extensions;
    private final RingCentralApps apps;
    private final RingCentralOAuth oauth;
    private final RingCentralPacer pacer;
    private final TokenSealing sealing;
    private final ConnectionEvents events;
    private final TransactionTemplate transactions;
    private final ConnectionProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ConcurrentHashMap<Extensions.Key, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    TokenRefresher(Extensions extensions, RingCentralApps apps, RingCentralOAuth oauth, RingCentralPacer pacer,
                   TokenSealing sealing, ConnectionEvents events, TransactionTemplate transactions,
                   ConnectionProperties properties, Clock clock, MeterRegistry meters) {
        this.extensions = extensions;
        this.apps = apps;
        this.oauth = oauth;
        this.pacer = pacer;
        this.sealing = sealing;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    RingCentralAccess refreshIfNeeded(String tenantId, String extensionId) {
        Outcome outcome = singleFlight(new Extensions.Key(tenantId, extensionId), Mode.WHEN_EXPIRING);
        return switch (outcome) {
            case Usable usable -> usable.access();
            case Unavailable unavailable ->
                    throw new ExtensionUnavailableException(tenantId, extensionId, unavailable.status(), unavailable.reason());
        };
    }

    void refreshIfDue(Extensions.Key key) {
        singleFlight(key, Mode.WHEN_DUE);
    }

    /** Refresh at two thirds of the access token's life: early enough to survive a few failed attempts. */
    static Instant nextRefresh(Instant issued, long expiresInSeconds) {
        return issued.plusMillis(expiresInSeconds * 1000 * 2 / 3);
    }

    private Outcome singleFlight(Extensions.Key key, Mode mode) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Outcome outcome = transactions.execute(tx -> refreshLocked(key, mode));
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private Outcome refreshLocked(Extensions.Key key, Mode mode) {
        Extensions.Locked locked = extensions.lock(key.tenantId(), key.extensionId()).orElse(null);
        if (locked == null) {
            return new Unavailable(null, "not connected");
        }
        Extension extension = locked.extension();
        if (extension.status() == ExtensionStatus.REVOKED) {
            return new Unavailable(ExtensionStatus.REVOKED, "access was revoked at RingCentral; reconnect it");
        }
        Instant now = clock.instant();
        RingCentralApp app = apps.forSource(key.tenantId(), extension.appSource());
        boolean accessUsable = extension.accessExpiresAt().isAfter(now.plus(TokenVault.EXPIRY_HANDICAP));
        boolean backingOff = extension.refreshFailures() > 0 && extension.nextRefreshAt().isAfter(now);
        boolean due = switch (mode) {
            case WHEN_DUE -> !extension.nextRefreshAt().isAfter(now);
            case WHEN_EXPIRING -> !accessUsable && !backingOff;
        };
        if (!due) {
            // Refreshed by someone else while we waited for the lock, not yet time, or a backoff is running.
            if (accessUsable) {
                return current(locked, app);
            }
            if (extension.status() == ExtensionStatus.ACTIVE) {
                // An early refresh failed while the token still worked; now it has run out before the retry.
                extensions.recordRefreshFailure(key.tenantId(), key.extensionId(), ExtensionStatus.REFRESH_FAILED,
                        extension.refreshFailures(), String.valueOf(extension.lastRefreshError()), extension.nextRefreshAt(), now);
                events.statusChanged(key.tenantId(), key.extensionId(), ExtensionStatus.REFRESH_FAILED.wire());
            }
            return new Unavailable(ExtensionStatus.REFRESH_FAILED, "refresh failing, next attempt at " + extension.nextRefreshAt());
        }
        String refreshToken = sealing.openRefresh(key, locked.sealedRefreshToken());
        try {
            // Paced in RingCentral's Auth group of the extension, and never made during its penalty.
            TokenSet tokens = pacer.callNow(key.tenantId(), key.extensionId(), RateLimitGroup.AUTH,
                    () -> oauth.refresh(app, refreshToken), RefreshedTokens::rateLimit).tokens();
            count("success");
            return stored(key, extension, app, tokens, now);
        } catch (RingCentralException e) {
            if (e.oauthError().filter("invalid_grant"::equals).isPresent()) {
                return revoked(key, extension, e, now);
            }
            return failed(locked, app, accessUsable, e, e.retryAfter().orElse(Duration.ZERO), now);
        } catch (RateLimitDeferredException e) {
            return failed(locked, app, accessUsable, e, Duration.between(now, e.retryAt()), now);
        } catch (RingCentralFailure e) {
            return failed(locked, app, accessUsable, e, Duration.ZERO, now);
        }
    }

    private Usable current(Extensions.Locked locked, RingCentralApp app) {
        Extensions.Key key = new Extensions.Key(locked.extension().tenantId(), locked.extension().extensionId());
        return new Usable(new RingCentralAccess(app.server(), sealing.openAccess(key, locked.sealedAccessToken())));
    }

    private Outcome stored(Extensions.Key key, Extension extension, RingCentralApp app, TokenSet tokens, Instant now) {
        Instant accessExpires = now.plusSeconds(tokens.expiresIn());
        Instant refreshExpires = tokens.refreshTokenExpiresIn() == null ? extension.refreshExpiresAt()
                : now.plusSeconds(tokens.refreshTokenExpiresIn());
        extensions.storeRefreshed(key.tenantId(), key.extensionId(), sealing.sealAccess(key, tokens.accessToken()),
                sealing.sealRefresh(key, tokens.refreshToken()), accessExpires, refreshExpires,
                tokens.scope() == null ? extension.scope() : tokens.scope(), nextRefresh(now, tokens.expiresIn()), now);
        if (extension.status() != ExtensionStatus.ACTIVE) {
            events.statusChanged(key.tenantId(), key.extensionId(), ExtensionStatus.ACTIVE.wire());
            log.info("Extension {} of {} is active again", key.extensionId(), key.tenantId());
        }
        return new Usable(new RingCentralAccess(app.server(), tokens.accessToken()));
    }

    /**
     * RingCentral refused the refresh token. It is the stored one and nobody could have replaced it meanwhile (every
     * writer of the tokens holds this row's lock, which we hold), so this is no lost race: the session is gone.
     */
    private Outcome revoked(Extensions.Key key, Extension extension, RingCentralException e, Instant now) {
        count("revoked");
        extensions.recordRefreshFailure(key.tenantId(), key.extensionId(), ExtensionStatus.REVOKED,
                extension.refreshFailures() + 1, e.getMessage(), now.plus(Duration.ofDays(3650)), now);
        events.statusChanged(key.tenantId(), key.extensionId(), ExtensionStatus.REVOKED.wire());
        log.warn("Extension {} of {} revoked: RingCentral refused its refresh token {}", key.extensionId(),
                key.tenantId(), e.errorCodes());
        return new Unavailable(ExtensionStatus.REVOKED, "access was revoked at RingCentral; reconnect it");
    }

    private Outcome failed(Extensions.Locked locked, RingCentralApp app, boolean accessUsable, RingCentralFailure e,
                           Duration retryAfter, Instant now) {
        count("failed");
        Extension extension = locked.extension();
        int failures = extension.refreshFailures() + 1;
        Duration backoff = backoff(failures);
        Instant nextAttempt = now.plus(retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff);
        ExtensionStatus status = accessUsable ? extension.status() : ExtensionStatus.REFRESH_FAILED;
        extensions.recordRefreshFailure(extension.tenantId(), extension.extensionId(), status, failures, e.getMessage(),
                nextAttempt, now);
        if (status != extension.status()) {
            events.statusChanged(extension.tenantId(), extension.extensionId(), status.wire());
        }
        log.warn("Refresh of extension {} of {} failed ({}); next attempt at {}", extension.extensionId(),
                extension.tenantId(), e.getMessage(), nextAttempt);
        return accessUsable ? current(locked, app)
                : new Unavailable(ExtensionStatus.REFRESH_FAILED, "refresh failing, next attempt at " + nextAttempt);
    }

    private Duration backoff(int failures) {
        long base = properties.refreshRetryMin().toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(base, properties.refreshRetryMax().toMillis());
        long jittered = capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        // However short the configured backoff, retries stay within RingCentral's Auth limit.
        return Duration.ofMillis(Math.max(jittered, AUTH_SPACING.toMillis()));
    }

    private void count(String outcome) {
        meters.counter("ringbridge.rc.token.refreshes", "outcome", outcome).increment();
    }
}
