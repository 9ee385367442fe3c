package io.ringbridge.connection;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import io.ringbridge.ringcentral.RingCentralAccess;

/**
 * Hands out usable RingCentral access for a connected extension. An access token that is expired or about to
 * expire is refreshed first, through the single-flight, row-locked {@link TokenRefresher}, so callers never get
 * a stale token.
 */
@Component
public class TokenVault {

    /** Like RingCentral's own SDK: a token with less than a minute left counts as expired. */
    static final Duration EXPIRY_HANDICAP = Duration.ofSeconds(60);

    private final Extensions extensions;
    private final TokenRefresher refresher;
    private final RingCentralApps apps;
    private final TokenSealing sealing;
    private final Clock clock;

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
        Extension extension = extensions.find(tenantId, extensionId)
                .orElseThrow(() -> new ExtensionUnavailableException(tenantId, extensionId, null, "not connected"));
        if (extension.status() == ExtensionStatus.ACTIVE
                && extension.accessExpiresAt().isAfter(clock.instant().plus(EXPIRY_HANDICAP))) {
            String sealed = extensions.sealedAccessToken(tenantId, extensionId).orElseThrow();
            return new RingCentralAccess(apps.forSource(tenantId, extension.appSource()).server(),
                    sealing.openAccess(key, sealed));
        }
        return refresher.refreshIfNeeded(tenantId, extensionId);
    }
}
