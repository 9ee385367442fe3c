package io.ringbridge.ringcentral;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.RingCentralSimulator;
import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.admin.SimulatorAdmin;
import io.ringbridge.simulator.testing.ConsentWalk;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The client under test wired to a RingCentral simulator over real HTTP, plus what a test needs around it: the
 * demo directory's names, and a sign-in that walks the simulator's consent page the way a browser would
 * (starting from the authorize URL the client builds, so that URL is exercised end to end).
 */
final class Sandbox implements AutoCloseable {
    static final String CLIENT_ID = "demo-client-id";
    static final String CLIENT_SECRET = "demo-client-secret";
    static final URI REDIRECT_URI = URI.create("http://localhost:8080/connect/ringcentral/callback");
    static final long ACCOUNT = 400000001L;
    static final long ALICE = 400000101L;
    static final long BOB = 400000102L;
    static final String ALICE_SMS = "+16505550101";
    static final String ALICE_A2P = "+18885550102";
    static final String BOB_SMS = "+16505550103";
    static final String CUSTOMER = "+14155550100";

    final RingCentralSimulator simulator;
    final URI server;
    final Client client;
    final RingCentralApp app;

    Sandbox(RingCentralSimulator simulator, URI server, Client client) {
        this.simulator = simulator;
        this.server = server;
        this.client = client;
        this.app = new RingCentralApp(CLIENT_ID, CLIENT_SECRET, server);
    }

    /** A standalone simulator (demo directory plus {@code config}) and a client with a 10 s request timeout. */
    static Sandbox start(SimulatorConfig.Builder config) {
        return start(config, Duration.ofSeconds(10));
    }

    static Sandbox start(SimulatorConfig.Builder config, Duration requestTimeout) {
        RingCentralSimulator simulator = RingCentralSimulator.start(config.build());
        return new Sandbox(simulator, simulator.baseUri(), Client.create(requestTimeout));
    }

    SimulatorAdmin admin() {
        return simulator.admin();
    }

    RingCentralApp app(String clientId, String clientSecret) {
        return new RingCentralApp(clientId, clientSecret, server);
    }

    RingCentralAccess access(TokenSet tokens) {
        return new RingCentralAccess(server, tokens.accessToken());
    }

    /** Signs a user of the demo app in: PKCE authorize URL, consent, code exchange. */
    TokenSet signIn(long extensionId) {
        return signIn(app, extensionId);
    }

    TokenSet signIn(RingCentralApp as, long extensionId) {
        Pkce pkce = Pkce.generate();
        String code = code(as, extensionId, pkce);
        return client.oauth().exchangeCode(as, code, REDIRECT_URI, pkce.verifier());
    }

    RingCentralAccess signedIn(long extensionId) {
        return access(signIn(extensionId));
    }

    /** An authorization code for the user, issued against the challenge of {@code pkce}. */
    String code(RingCentralApp as, long extensionId, Pkce pkce) {
        URI url = client.oauth().authorizeUrl(as, AuthorizeRequest.of(REDIRECT_URI, "state-1", pkce.challenge()));
        Map<String, String> callback = consent(url, extensionId);
        assertThat(callback).containsEntry("state", "state-1").containsKey("code");
        return callback.get("code");
    }

    /**
     * Opens the authorize URL, approves as the user on the consent page and returns the query of the redirect to
     * the app's callback ({@code code}, {@code state}, … or {@code error}).
     */
    static Map<String, String> consent(URI authorizeUrl, long extensionId) {
        return ConsentWalk.query(ConsentWalk.approve(authorizeUrl, ACCOUNT, extensionId));
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
