package io.ringbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.ringbridge.ringcentral.RingCentralAccess;

/**
 * Hands out usable RingCentral access for a connected extension. An access token that is expired or about to
 * expire is refreshed first, through the single-flight, row-locked {@link TokenRefresher}, so callers never get a
 * stale token. Each instance keeps the tokens it handed out for a short while (sending needs one per message);
 * a token RingCentral refuses is dropped at once, as is everything of a tenant whose connection changed.
 */
@Component
public class TokenVault {

    /** Like RingCentral's own SDK: a token with less than a minute left counts as expired. */
    static final Duration EXPIRY_HANDICAP = Duration.ofSeconds(60);
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private record Cached(RingCentralAccess access, Instant expiresAt) {
    }

    private final Extensions extensions;
    private final TokenRefresher refresher;
    private final RingCentralApps apps;
    private final TokenSealing sealing;
    private final Clock clock;
    private final Cache<Extensions.Key, Cached> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_FOR).maximumSize(100_000).build();

    TokenVault(Extensions extensions, TokenRefresher refresher, RingCentralApps apps, TokenSealing sealing, Clock clock) {
        this.extensions = extensions;
        this.refresher = refresher;
        this.apps = apps;
        this.sealing = sealing;
        this.clock = clock;
    }

    /**
     * A valid access token for the extension.
     *
     * @throws ExtensionUnavailableException when it is not connected, revoked, or its refresh is failing
     */
    public RingCentralAccess access(String tenantId, String extensionId) {
        Extensions.Key key = new Extensions.Key(tenantId, extensionId);
        Instant usableUntil = clock.instant().plus(EXPIRY_HANDICAP);
        Cached cached = cache.getIfPresent(key);
        if (cached != null && cached.expiresAt().isAfter(usableUntil)) {
            return cached.access();
        }
        Extension extension = extensions.find(tenantId, extensionId)
                .orElseThrow(() -> new ExtensionUnavailableException(tenantId, extensionId, null, "not connected"));
        RingCentralAccess access;
        Instant expiresAt;
        if (extension.status() == ExtensionStatus.ACTIVE && extension.accessExpiresAt().isAfter(usableUntil)) {
            String sealed = extensions.sealedAccessToken(tenantId, extensionId).orElseThrow();
            access = new RingCentralAccess(apps.forSource(tenantId, extension.appSource()).server(),
                    sealing.openAccess(key, sealed));
        } else {
            access = refresher.refreshIfNeeded(tenantId, extensionId);
            extension = extensions.find(tenantId, extensionId).orElse(extension);
        }
        // Trusted only until the scheduled refresh: RingCentral kills a token the moment it is refreshed.
        expiresAt = extension.nextRefreshAt().isBefore(extension.accessExpiresAt())
                ? extension.nextRefreshAt() : extension.accessExpiresAt();
        cache.put(key, new Cached(access, expiresAt.plus(EXPIRY_HANDICAP)));
        return access;
    }

    /**
     * RingCentral answered 401 to this token. If it is still the stored one (the session was ended at RingCentral),
     * the next use refreshes, which tells a dead session (revoked) from a passing mix-up; if it was already replaced
     * (refreshed meanwhile), the next use simply reads the new one.
     */
    public void rejected(String tenantId, String extensionId, RingCentralAccess refused) {
        Extensions.Key key = new Extensions.Key(tenantId, extensionId);
        cache.invalidate(key);
        boolean stillStored = extensions.sealedAccessToken(tenantId, extensionId)
                .map(sealed -> sealing.openAccess(key, sealed).equals(refused.accessToken())).orElse(false);
        if (stillStored) {
            extensions.expireAccess(tenantId, extensionId, clock.instant());
        }
    }

    @EventListener
    void onConnectionChanged(ConnectionChanged changed) {
        cache.asMap().keySet().removeIf(key -> key.tenantId().equals(changed.tenantId()));
    }
}
