package io.ringbridge.connection;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.ringcentral.ExtensionInfo;
import io.ringbridge.ringcentral.PhoneNumber;
import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralApi;
import io.ringbridge.ringcentral.RingCentralApp;
import io.ringbridge.ringcentral.RingCentralFailure;
import io.ringbridge.ringcentral.RingCentralOAuth;
import io.ringbridge.ringcentral.TokenSet;

/**
 * The OAuth callback's work: exchange the code, read the user and its numbers, create the webhook
 * subscription, then store everything in one transaction. All or nothing: if any step fails, the new tokens
 * are revoked at RingCentral, a subscription already created is deleted, and nothing is stored, so a tenant is
 * never left with a half-connected extension; a reconnect that fails leaves the previous connection as it was.
 */
@Component
class ConnectionSetup {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSetup.class);

    /** The RingCentral permissions the gateway needs ({@code missingScopes}). */
    static final List<String> REQUIRED_SCOPES = List.of("SMS", "ReadMessages", "ReadAccounts", "WebhookSubscriptions");

    record Connected(String tenantId, String rcAccountId, String extensionId, String extensionNumber, String name,
                     boolean primary, boolean reconnected, List<String> smsNumbers, List<String> a2pNumbers,
                     List<String> missingScopes) {
    }

    /** Either a connection or why there is none. */
    record Result(Connected connected, CallbackFailure failure) {
    }

    /**
     * What the previous connection of the same extension leaves to clean up once the new one is committed;
     * {@code access} is its still valid access token (null if none), which can delete its subscriptions even when
     * they belong to another RingCentral app than the new connection's.
     */
    private record Replaced(List<Subscriptions.Row> subscriptions, String refreshToken, AppSource source,
                            RingCentralAccess access) {
    }

    private final AuthorizationStates states;
    private final AuthorizationFlow flow;
    private final RingCentralApps apps;
    private final RingCentralOAuth oauth;
    private final RingCentralApi api;
    private final Extensions extensions;
    private final Subscriptions subscriptionRows;
    private final SubscriptionManager subscriptions;
    private final TokenSealing sealing;
    private final ConnectionEvents events;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConnectionSetup(AuthorizationStates states, AuthorizationFlow flow, RingCentralApps apps, RingCentralOAuth oauth,
                    RingCentralApi api, Extensions extensions, Subscriptions subscriptionRows,
                    SubscriptionManager subscriptions, TokenSealing sealing, ConnectionEvents events,
                    ApplicationEventPublisher publisher, TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
        this.states = states;
        this.flow = flow;
        this.apps = apps;
        this.oauth = oauth;
        this.api = api;
        this.extensions = extensions;
        this.subscriptionRows = subscriptionRows;
        this.subscriptions = subscriptions;
        this.sealing = sealing;
        this.events = events;
        this.publisher = publisher;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * RingCentral sent the user back with an error: the state is spent, nothing else happens. Answers the server of
     * the authorization the state belonged to, if it was one: the only server whose words may be shown.
     */
    Optional<URI> abandon(String state) {
        return states.consume(state).flatMap(pending -> apps.serverOf(pending.tenantId(), pending.appSource()));
    }

    Result complete(String code, String state) {
        Optional<AuthorizationStates.Pending> found = states.consume(state);
        if (found.isEmpty()) {
            return failed(CallbackFailures.invalidState());
        }
        AuthorizationStates.Pending pending = found.get();
        RingCentralApp app = apps.forSource(pending.tenantId(), pending.appSource());
        TokenSet tokens;
        try {
            tokens = oauth.exchangeCode(app, code, flow.redirectUri(), pending.codeVerifier());
        } catch (RingCentralFailure e) {
            log.warn("Connect of {} failed at the code exchange: {}", pending.tenantId(), e.getMessage());
            return failed(CallbackFailures.exchange(e, app, flow.redirectUri()));
        }
        RingCentralAccess access = new RingCentralAccess(app.server(), tokens.accessToken());
        String step = "reading your RingCentral user";
        SubscriptionManager.Created subscription = null;
        ExtensionInfo user;
        Extensions.Key key;
        Stored stored;
        try {
            ExtensionInfo me = api.currentExtension(access);
            user = me;
            Extensions.Key extension = new Extensions.Key(pending.tenantId(), Long.toString(me.id()));
            key = extension;
            Optional<String> account = extensions.accountOf(pending.tenantId());
            if (account.isPresent() && !account.get().equals(me.accountId())) {
                revoke(app, tokens.refreshToken());
                return failed(CallbackFailures.otherAccount(me.accountId(), account.get()));
            }
            step = "reading your phone numbers";
            List<PhoneNumber> numbers = api.phoneNumbers(access);
            step = "creating the webhook subscription for inbound SMS";
            subscription = subscriptions.create(extension, access);
            SubscriptionManager.Created created = subscription;
            stored = transactions.execute(tx -> store(pending, extension, me, tokens, numbers, created));
            if (stored.failure() != null) {
                discard(app, tokens, access, created);
                return failed(stored.failure());
            }
        } catch (RingCentralFailure e) {
            log.warn("Connect of {} failed while {}: {}", pending.tenantId(), step, e.getMessage());
            discard(app, tokens, access, subscription);
            String address = subscription == null ? "this gateway's webhook address" : subscriptions.address(subscription.subscriptionKey());
            return failed(CallbackFailures.setup(step, e, address));
        } catch (RuntimeException e) {
            discard(app, tokens, access, subscription);
            throw e;
        }
        // Committed: nothing from here on may undo the new connection (its session and subscription are in use).
        cleanUpReplaced(stored.replaced(), access, key);
        publisher.publishEvent(new ConnectionChanged(key.tenantId()));
        log.info("Tenant {} connected extension {} of RingCentral account {}{}", key.tenantId(), key.extensionId(),
                user.accountId(), stored.connected().reconnected() ? " (reconnect)" : "");
        return new Result(stored.connected(), null);
    }

    private record Stored(Connected connected, CallbackFailure failure, Replaced replaced) {
    }

    private Stored store(AuthorizationStates.Pending pending, Extensions.Key key, ExtensionInfo user, TokenSet tokens,
                         List<PhoneNumber> numbers, SubscriptionManager.Created subscription) {
        // Connections of one tenant are stored one at a time, so two users of different accounts cannot both win.
        jdbc.sql("SELECT id FROM tenant WHERE id = :tenant FOR UPDATE").param("tenant", key.tenantId()).query(String.class).single();
        Optional<String> account = extensions.accountOf(key.tenantId());
        if (account.isPresent() && !account.get().equals(user.accountId())) {
            return new Stored(null, CallbackFailures.otherAccount(user.accountId(), account.get()), null);
        }
        Instant now = clock.instant();
        Optional<Extensions.Locked> previous = extensions.lock(key.tenantId(), key.extensionId());
        boolean primary = pending.kind() == TokenKind.CONNECT || !extensions.hasPrimary(key.tenantId())
                || previous.map(p -> p.extension().primary()).orElse(false);
        if (pending.kind() == TokenKind.CONNECT) {
            extensions.clearPrimary(key.tenantId());
        }
        Instant refreshExpires = now.plusSeconds(tokens.refreshTokenExpiresIn() == null ? 604_800 : tokens.refreshTokenExpiresIn());
        Extension extension = new Extension(key.tenantId(), key.extensionId(), user.accountId(), user.extensionNumber(),
                user.name(), primary, ExtensionStatus.ACTIVE, pending.appSource(), now.plusSeconds(tokens.expiresIn()),
                refreshExpires, tokens.scope(), TokenRefresher.nextRefresh(now, tokens.expiresIn()), 0, null,
                previous.map(p -> p.extension().connectedAt()).orElse(now), now);
        String sealedAccess = sealing.sealAccess(key, tokens.accessToken());
        String sealedRefresh = sealing.sealRefresh(key, tokens.refreshToken());
        Replaced replaced = null;
        if (previous.isPresent()) {
            List<Subscriptions.Row> old = subscriptionRows.ofExtension(key).stream()
                    .filter(row -> !row.subscriptionKey().equals(subscription.subscriptionKey())).toList();
            replaced = new Replaced(old, sealing.openRefresh(key, previous.get().sealedRefreshToken()),
                    previous.get().extension().appSource(), previousAccess(key, previous.get(), now));
            extensions.reconnect(extension, sealedAccess, sealedRefresh);
        } else {
            extensions.insert(extension, sealedAccess, sealedRefresh);
        }
        List<Extensions.Number> kept = Extensions.Number.of(numbers);
        extensions.replaceNumbers(key.tenantId(), key.extensionId(), kept);
        List<String> sms = kept.stream().filter(Extensions.Number::sms).map(Extensions.Number::phoneNumber).toList();
        List<String> a2p = kept.stream().filter(n -> !n.sms()).map(Extensions.Number::phoneNumber).toList();
        subscriptions.activate(subscription);
        events.statusChanged(key.tenantId(), key.extensionId(), ExtensionStatus.ACTIVE.wire());
        List<String> granted = tokens.scope() == null ? List.of() : List.of(tokens.scope().split("\\s+"));
        List<String> missing = REQUIRED_SCOPES.stream().filter(scope -> !granted.contains(scope)).toList();
        Connected connected = new Connected(key.tenantId(), user.accountId(), key.extensionId(), user.extensionNumber(),
                user.name(), primary, previous.isPresent(), sms, a2p, missing);
        return new Stored(connected, null, replaced);
    }

    /**
     * After a reconnect: the old subscriptions and the old OAuth session are no longer needed. Best effort: the
     * new connection is already committed, so nothing here may fail it.
     */
    private void cleanUpReplaced(Replaced replaced, RingCentralAccess access, Extensions.Key key) {
        if (replaced == null) {
            return;
        }
        RingCentralAccess old = replaced.access() != null ? replaced.access() : access;
        replaced.subscriptions().forEach(row -> subscriptions.remove(row, old));
        RingCentralApp previousApp;
        try {
            previousApp = apps.forSource(key.tenantId(), replaced.source());
        } catch (IllegalStateException e) {
            log.warn("Could not revoke the previous RingCentral session of extension {}: {}", key.extensionId(), e.getMessage());
            return;
        }
        revoke(previousApp, replaced.refreshToken());
    }

    /** The previous connection's access token while it is still good, with its app's server; else null. */
    private RingCentralAccess previousAccess(Extensions.Key key, Extensions.Locked previous, Instant now) {
        Extension extension = previous.extension();
        if (extension.status() != ExtensionStatus.ACTIVE || !extension.accessExpiresAt().isAfter(now)) {
            return null;
        }
        try {
            return new RingCentralAccess(apps.forSource(key.tenantId(), extension.appSource()).server(),
                    sealing.openAccess(key, previous.sealedAccessToken()));
        } catch (RuntimeException e) {
            return null; // its app is gone or the token cannot be opened: the new token is tried instead
        }
    }

    /** Undoes what a failed setup left at RingCentral: its subscription and its new OAuth session. */
    private void discard(RingCentralApp app, TokenSet tokens, RingCentralAccess access,
                         SubscriptionManager.Created subscription) {
        if (subscription != null) {
            subscriptions.discard(subscription, access);
        }
        revoke(app, tokens.refreshToken());
    }

    private void revoke(RingCentralApp app, String token) {
        try {
            oauth.revoke(app, token);
        } catch (RingCentralFailure e) {
            // RingCentral's guidance: a failed revoke is not retried; the session expires on its own.
            log.warn("Could not revoke a RingCentral session: {}", e.getMessage());
        }
    }

    private static Result failed(CallbackFailure failure) {
        return new Result(null, failure);
    }
}
