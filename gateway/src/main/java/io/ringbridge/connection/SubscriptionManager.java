package io.ringbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.ringbridge.pacing.RingCentralPacer;
import io.ringbridge.platform.config.PublicUrl;
import io.ringbridge.platform.crypto.SecretBox;
import io.ringbridge.ringcentral.RateLimitGroup;
import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralApi;
import io.ringbridge.ringcentral.RingCentralException;
import io.ringbridge.ringcentral.RingCentralFailure;
import io.ringbridge.ringcentral.Subscription;
import io.ringbridge.ringcentral.SubscriptionRequest;

/**
 * Each connected extension's RingCentral webhook subscription: inbound SMS plus message-store changes (for
 * delivery receipts), delivered to {@code /v1/webhooks/ringcentral/<subscriptionKey>} with a random
 * verification token per subscription. Our row is written (and committed) before RingCentral's subscription
 * exists, so the receiver already knows the token when the first notification arrives.
 */
@Component
class SubscriptionManager {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionManager.class);

    static final String INBOUND_SMS = "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS";
    static final String MESSAGE_STORE = "/restapi/v1.0/account/~/extension/~/message-store";
    static final List<String> EVENT_FILTERS = List.of(INBOUND_SMS, MESSAGE_STORE);
    static final String RECEIVER_PATH = "/v1/webhooks/ringcentral/";

    /** A subscription created at RingCentral whose row still has to be activated in the caller's transaction. */
    record Created(Extensions.Key extension, String subscriptionKey, String rcSubscriptionId, Instant expiresAt) {
    }

    private final Subscriptions subscriptions;
    private final RingCentralApi api;
    private final SecretBox secrets;
    private final PublicUrl publicUrl;
    private final ConnectionProperties properties;
    private final RingCentralPacer pacer;
    private final Clock clock;

    SubscriptionManager(Subscriptions subscriptions, RingCentralApi api, SecretBox secrets, PublicUrl publicUrl,
                        ConnectionProperties properties, RingCentralPacer pacer, Clock clock) {
        this.subscriptions = subscriptions;
        this.api = api;
        this.secrets = secrets;
        this.publicUrl = publicUrl;
        this.properties = properties;
        this.pacer = pacer;
        this.clock = clock;
    }

    /**
     * Creates a subscription at RingCentral (which first performs its handshake against our receiver). The row
     * stays {@code pending} until {@link Subscriptions#activate} in the caller's transaction.
     */
    Created create(Extensions.Key extension, RingCentralAccess access) {
        String key = SecretTokens.generate();
        String verificationToken = SecretTokens.generate();
        subscriptions.insertPending(key, extension, secrets.seal(verificationToken, tokenContext(key)), clock.instant());
        try {
            // Creating a subscription is in the Medium group with the extension's SMS sends.
            Subscription created = pacer.callNow(extension.tenantId(), extension.extensionId(), RateLimitGroup.MEDIUM,
                    () -> api.createSubscription(access, new SubscriptionRequest(EVENT_FILTERS, address(key),
                            verificationToken, properties.subscriptionLifetime().toSeconds())));
            return new Created(extension, key, created.id(), expiry(created));
        } catch (RuntimeException e) {
            subscriptions.delete(key);
            throw e;
        }
    }

    /** Removes the subscription at RingCentral (best effort: it may already be gone) and our row. */
    void remove(Subscriptions.Row row, RingCentralAccess access) {
        deleteAtRingCentral(new Extensions.Key(row.tenantId(), row.extensionId()), row.rcSubscriptionId(), access);
        subscriptions.delete(row.subscriptionKey());
    }

    /**
     * Undoes a {@link #create} that was never activated: its row is still pending and does not know RingCentral's
     * subscription id, so the id comes from {@code created}.
     */
    void discard(Created created, RingCentralAccess access) {
        deleteAtRingCentral(created.extension(), created.rcSubscriptionId(), access);
        subscriptions.delete(created.subscriptionKey());
    }

    private void deleteAtRingCentral(Extensions.Key extension, String rcSubscriptionId, RingCentralAccess access) {
        if (rcSubscriptionId != null && access != null) {
            try {
                pacer.callNow(extension.tenantId(), extension.extensionId(), RateLimitGroup.MEDIUM,
                        () -> api.deleteSubscription(access, rcSubscriptionId));
            } catch (RingCentralException e) {
                if (e.status() != 404) {
                    log.warn("Could not delete RingCentral subscription {}: {}", rcSubscriptionId, e.getMessage());
                }
            } catch (RingCentralFailure e) {
                log.warn("Could not delete RingCentral subscription {}: {}", rcSubscriptionId, e.getMessage());
            }
        }
    }

    /**
     * Makes RingCentral's side match ours for one extension: renews what expires soon, re-creates what is missing,
     * expired or blacklisted (RingCentral never lifts a blacklisting), and removes leftovers.
     *
     * @return what was done, for logs and tests
     */
    String reconcile(Extensions.Key extension, RingCentralAccess access) {
        Instant now = clock.instant();
        Map<String, Subscription> remote = pacer.callNow(extension.tenantId(), extension.extensionId(),
                        RateLimitGroup.LIGHT, () -> api.subscriptions(access)).stream()
                .collect(Collectors.toMap(Subscription::id, Function.identity(), (a, b) -> a));
        Subscriptions.Row current = null;
        for (Subscriptions.Row row : subscriptions.ofExtension(extension)) {
            if (row.active() && current == null) {
                current = row;
            } else if (row.active() || row.createdAt().isBefore(now.minus(Duration.ofMinutes(10)))) {
                remove(row, access); // a duplicate, or a pending row left by an interrupted connect
            }
        }
        String action;
        if (current == null) {
            activate(create(extension, access));
            action = "created";
        } else {
            Subscription theirs = remote.get(current.rcSubscriptionId());
            if (theirs == null || theirs.blacklisted() || expiry(theirs).isBefore(now)) {
                Created replacement = create(extension, access);
                activate(replacement);
                remove(current, theirs == null ? null : access);
                action = theirs == null ? "recreated missing" : theirs.blacklisted() ? "recreated blacklisted" : "recreated expired";
                log.info("Subscription of extension {} {}", extension.extensionId(), action);
            } else if (expiry(theirs).isBefore(now.plus(properties.subscriptionRenewBefore()))) {
                // Not RingCentral's renew: it resets to the default 7 days. An update restores the full lifetime.
                Subscription renewed = pacer.callNow(extension.tenantId(), extension.extensionId(), RateLimitGroup.MEDIUM,
                        () -> api.updateSubscription(access, theirs.id(), EVENT_FILTERS,
                                properties.subscriptionLifetime().toSeconds()));
                subscriptions.renewed(current.subscriptionKey(), expiry(renewed), now);
                action = "renewed";
            } else {
                action = "ok";
            }
        }
        removeOrphans(remote, extension, access);
        return action;
    }

    void activate(Created created) {
        subscriptions.activate(created.subscriptionKey(), created.rcSubscriptionId(), created.expiresAt(), clock.instant());
    }

    /** RingCentral subscriptions pointing at this gateway that no row knows (e.g. a crash right after a create). */
    private void removeOrphans(Map<String, Subscription> remote, Extensions.Key extension, RingCentralAccess access) {
        List<String> known = subscriptions.ofExtension(extension).stream().map(Subscriptions.Row::rcSubscriptionId).toList();
        String ours = publicUrl.base() + RECEIVER_PATH;
        for (Subscription subscription : remote.values()) {
            boolean pointsHere = subscription.deliveryMode() != null && subscription.deliveryMode().address() != null
                    && subscription.deliveryMode().address().startsWith(ours);
            if (pointsHere && !known.contains(subscription.id())) {
                try {
                    pacer.callNow(extension.tenantId(), extension.extensionId(), RateLimitGroup.MEDIUM,
                            () -> api.deleteSubscription(access, subscription.id()));
                    log.info("Deleted orphaned RingCentral subscription {} of extension {}", subscription.id(),
                            extension.extensionId());
                } catch (RingCentralFailure e) {
                    log.warn("Could not delete orphaned subscription {}: {}", subscription.id(), e.getMessage());
                }
            }
        }
    }

    String address(String subscriptionKey) {
        return publicUrl.base() + RECEIVER_PATH + subscriptionKey;
    }

    static String tokenContext(String subscriptionKey) {
        return "rc_subscription:" + subscriptionKey + ":verification_token";
    }

    private Instant expiry(Subscription subscription) {
        if (subscription.expirationTime() != null) {
            return OffsetDateTime.parse(subscription.expirationTime()).toInstant();
        }
        return clock.instant().plusSeconds(subscription.expiresIn() == null ? 0 : subscription.expiresIn());
    }
}
