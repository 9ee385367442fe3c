package io.ringbridge.connection;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.config.PublicUrl;
import io.ringbridge.ringcentral.AuthorizeRequest;
import io.ringbridge.ringcentral.Pkce;
import io.ringbridge.ringcentral.RingCentralOAuth;

/**
 * The click on "Connect RingCentral": consumes the link's token and, in the same transaction, records a fresh
 * OAuth state and PKCE verifier, then points the browser at RingCentral's authorize page.
 */
@Component
class AuthorizationFlow {

    static final String CALLBACK_PATH = "/v1/rc/callback";

    /**
     * Where to send the browser, or why the link cannot be used; {@code refusedServer} is a tenant app's server that
     * was stored before servers were confined and is no longer allowed (the link stays unused).
     */
    record Start(URI authorizeUrl, ConnectTokens.Rejection rejection, TokenKind rejectedKind, URI refusedServer) {
    }

    private final ConnectTokens tokens;
    private final AuthorizationStates states;
    private final RingCentralApps apps;
    private final RingCentralOAuth oauth;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transactions;
    private final RingCentralServers servers;

    AuthorizationFlow(ConnectTokens tokens, AuthorizationStates states, RingCentralApps apps, RingCentralOAuth oauth,
                      PublicUrl publicUrl, TransactionTemplate transactions, RingCentralServers servers) {
        this.tokens = tokens;
        this.states = states;
        this.apps = apps;
        this.oauth = oauth;
        this.publicUrl = publicUrl;
        this.transactions = transactions;
        this.servers = servers;
    }

    Start start(String token) {
        return transactions.execute(tx -> {
            ConnectTokens.Consumption consumption = tokens.consume(token);
            if (!consumption.accepted()) {
                return new Start(null, consumption.rejection(), null, null);
            }
            ConnectTokens.Consumed consumed = consumption.token();
            RingCentralApps.Choice app = apps.forNewConnection(consumed.tenantId());
            if (!servers.allows(app.app().server())) {
                tx.setRollbackOnly(); // the link was not used: it works once the tenant's app is set again
                return new Start(null, null, null, app.app().server());
            }
            Pkce pkce = Pkce.generate();
            String state = states.create(consumed, pkce.verifier(), app.source());
            URI authorize = oauth.authorizeUrl(app.app(), AuthorizeRequest.of(redirectUri(), state, pkce.challenge()));
            return new Start(authorize, null, consumed.kind(), null);
        });
    }

    /**
     * The RingCentral server a click on this link would lead to, found without using up the link: the tenant's own
     * app's, else the operator's (also for a link that cannot be used, whose click ends on the gateway's own page).
     */
    URI serverFor(String token) {
        return tokens.tenantOfUsable(token).flatMap(apps::describe).map(RingCentralApps.TenantApp::server)
                .orElseGet(() -> apps.operatorServer());
    }

    URI redirectUri() {
        return publicUrl.resolve(CALLBACK_PATH);
    }
}
