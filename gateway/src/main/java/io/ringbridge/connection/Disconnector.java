package io.ringbridge.connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralFailure;
import io.ringbridge.ringcentral.RingCentralOAuth;

/**
 * Disconnects extensions: deletes their webhook subscriptions and revokes their session at
 * RingCentral (best effort: a RingCentral that cannot be reached never blocks a disconnect), then forgets their
 * tokens and numbers, and tells caches to drop what they hold.
 */
@Component
class Disconnector {

    private static final Logger log = LoggerFactory.getLogger(Disconnector.class);

    private final Extensions extensions;
    private final Subscriptions subscriptionRows;
    private final SubscriptionManager subscriptions;
    private final TokenVault vault;
    private final TokenSealing sealing;
    private final RingCentralApps apps;
    private final RingCentralOAuth oauth;
    private final ConnectionEvents events;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    Disconnector(Extensions extensions, Subscriptions subscriptionRows, SubscriptionManager subscriptions,
                 TokenVault vault, TokenSealing sealing, RingCentralApps apps, RingCentralOAuth oauth,
                 ConnectionEvents events, ApplicationEventPublisher publisher, TransactionTemplate transactions) {
        this.extensions = extensions;
        this.subscriptionRows = subscriptionRows;
        this.subscriptions = subscriptions;
        this.vault = vault;
        this.sealing = sealing;
        this.apps = apps;
        this.oauth = oauth;
        this.events = events;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    void disconnectTenant(String tenantId) {
        extensions.listByTenant(tenantId).forEach(extension -> disconnect(new Extensions.Key(tenantId, extension.extensionId())));
        publisher.publishEvent(new ConnectionChanged(tenantId));
    }

    /** @return false when the extension was not connected */
    boolean disconnectExtension(String tenantId, String extensionId) {
        boolean removed = disconnect(new Extensions.Key(tenantId, extensionId));
        publisher.publishEvent(new ConnectionChanged(tenantId));
        return removed;
    }

    private boolean disconnect(Extensions.Key key) {
        Extension extension = extensions.find(key.tenantId(), key.extensionId()).orElse(null);
        if (extension == null) {
            return false;
        }
        RingCentralAccess access = usableAccess(key);
        for (Subscriptions.Row row : subscriptionRows.ofExtension(key)) {
            subscriptions.remove(row, access);
        }
        String refreshToken = transactions.execute(tx -> extensions.lock(key.tenantId(), key.extensionId())
                .map(locked -> sealing.openRefresh(key, locked.sealedRefreshToken())).orElse(null));
        if (refreshToken != null) {
            try {
                // Revoking ends the whole session at RingCentral; a failure is not retried (RingCentral's guidance).
                oauth.revoke(apps.forSource(key.tenantId(), extension.appSource()), refreshToken);
            } catch (RingCentralFailure | IllegalStateException e) {
                log.warn("Could not revoke the RingCentral session of extension {}: {}", key.extensionId(), e.getMessage());
            }
        }
        transactions.executeWithoutResult(tx -> {
            subscriptionRows.ofExtension(key).forEach(row -> subscriptionRows.delete(row.subscriptionKey()));
            if (extensions.delete(key.tenantId(), key.extensionId())) {
                events.statusChanged(key.tenantId(), key.extensionId(), "disconnected");
            }
        });
        log.info("Disconnected extension {} of {}", key.extensionId(), key.tenantId());
        return true;
    }

    /** A token to delete subscriptions with, if the extension still has one. */
    private RingCentralAccess usableAccess(Extensions.Key key) {
        try {
            return vault.access(key.tenantId(), key.extensionId());
        } catch (ExtensionUnavailableException e) {
            return null;
        }
    }
}
