package io.ringbridge.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.ringbridge.simulator.RingCentralSimulator;
import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.admin.SimulatorAdmin;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.limits.RateLimitSettings;
import io.ringbridge.simulator.oauth.OAuthSettings;
import io.ringbridge.simulator.ringcx.RingCxRules;
import io.ringbridge.simulator.sms.DeliverySettings;
import io.ringbridge.simulator.subscription.SubscriptionSettings;

/**
 * A standalone RingCentral simulator (its own server, like the real RingCentral) and gateways configured as
 * an operator would configure them for real RingCentral: {@code RINGCENTRAL_CLIENT_ID}, secret and server.
 * Several gateways can share it, and its demo directory: account {@link #ACCOUNT} with users Alice and Bob.
 */
public final class SimulatedRingCentral implements AutoCloseable {

    public static final String CLIENT_ID = "ringbridge-under-test";
    public static final String CLIENT_SECRET = "secret-" + IdsForTests.random();
    public static final List<String> PERMISSIONS = List.of("SMS", "ReadMessages", "ReadAccounts", "WebhookSubscriptions");

    public static final String ACCOUNT = "400000001";
    public static final long ALICE = 400000101L;
    public static final String ALICE_SMS = "+16505550101";
    public static final String ALICE_A2P = "+18885550102";
    public static final long BOB = 400000102L;
    public static final String BOB_SMS = "+16505550103";

    private final RingCentralSimulator simulator;
    private final Settings started;
    private final List<String> redirectUris = new ArrayList<>();
    private List<String> permissions = PERMISSIONS;

    /** What tests change on a running simulator and {@link #restore} puts back. */
    private record Settings(OAuthSettings oauth, RateLimitSettings rateLimits, DeliverySettings delivery,
            SubscriptionSettings subscriptions, RingCxRules ringCx) {

        static Settings of(SimulatorAdmin admin) {
            return new Settings(admin.oauth(), admin.rateLimits(), admin.delivery(), admin.subscriptionSettings(),
                    admin.ringCx());
        }

        void applyTo(SimulatorAdmin admin) {
            admin.oauth(oauth);
            admin.rateLimits(rateLimits);
            admin.delivery(delivery);
            admin.subscriptionSettings(subscriptions);
            admin.ringCx(ringCx);
        }
    }

    private SimulatedRingCentral(RingCentralSimulator simulator) {
        this.simulator = simulator;
        this.started = Settings.of(simulator.admin());
    }

    public static SimulatedRingCentral start() {
        return start(builder -> builder);
    }

    public static SimulatedRingCentral start(UnaryOperator<SimulatorConfig.Builder> configure) {
        SimulatedRingCentral world = new SimulatedRingCentral(RingCentralSimulator.start(configure.apply(
                SimulatorConfig.builder().host("127.0.0.1")).build()));
        world.registerApp();
        return world;
    }

    /** A gateway builder pointing at this simulator with the operator's app. */
    public TestGateway.Builder gateway(Database database) {
        return TestGateway.on(database)
                .property("ringcentral.client-id", CLIENT_ID)
                .property("ringcentral.client-secret", CLIENT_SECRET)
                .property("ringcentral.server", simulator.baseUri().toString());
    }

    /** Starts a gateway and registers its callback as a redirect URI of the app. */
    public TestGateway start(TestGateway.Builder gateway) {
        TestGateway started = gateway.start();
        redirectUris.add("http://localhost:" + started.baseUri().getPort() + "/v1/rc/callback");
        registerApp();
        return started;
    }

    /** Registers the callback of a gateway started some other way (e.g. in its own process). */
    public void registerGateway(java.net.URI gatewayBase) {
        redirectUris.add("http://localhost:" + gatewayBase.getPort() + "/v1/rc/callback");
        registerApp();
    }

    /** Changes the app's permissions (e.g. to see how the gateway reacts to a missing one). */
    public void permissions(List<String> granted) {
        this.permissions = List.copyOf(granted);
        registerApp();
    }

    /**
     * Puts back the settings the simulator started with, clears its faults and registers the app with its
     * standard permissions and secret again. Accounts, sessions and messages stay: tests tell theirs apart.
     */
    public void restore() {
        simulator.admin().clearFaults();
        started.applyTo(simulator.admin());
        permissions(PERMISSIONS);
    }

    public SimulatorAdmin admin() {
        return simulator.admin();
    }

    public RingCentralSimulator simulator() {
        return simulator;
    }

    private void registerApp() {
        simulator.admin().addApp(new App(CLIENT_ID, CLIENT_SECRET, "RingBridge under test", redirectUris, permissions));
    }

    @Override
    public void close() {
        simulator.close();
    }
}
