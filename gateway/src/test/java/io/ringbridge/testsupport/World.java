package io.ringbridge.testsupport;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.admin.SimulatorAdmin;
import io.ringbridge.simulator.sms.DeliveryOutcome;
import io.ringbridge.simulator.sms.DeliveryRule;

/**
 * A simulated RingCentral and a gateway configured for it as an operator would configure it for the real one.
 * The {@link Setup#STANDARD standard} world is shared by every class that asks {@link Gateways#withSimulator};
 * a class that needs other settings, or stops, kills or multiplies gateways, starts a world of its own from a
 * {@link Setup} and closes it.
 */
public record World(SimulatedRingCentral ringCentral, TestGateway gateway) implements AutoCloseable {

    /** Customer numbers RingCentral accepts messages for but the carrier never delivers to (SMS-CAR-411). */
    private static final String UNREACHABLE = "\\+1555.*";
    /** Customer numbers RingCentral refuses to send to (SendingFailed, SMS-RC-500). */
    private static final String UNSENDABLE = "\\+1777.*";

    public SimulatorAdmin admin() {
        return ringCentral.admin();
    }

    /** A client of the gateway from its own random address. */
    public Api api() {
        return gateway.api();
    }

    @Override
    public void close() {
        gateway.close();
        ringCentral.close();
    }

    /** The simulator's settings and the gateway's properties of a world. */
    public record Setup(UnaryOperator<SimulatorConfig.Builder> simulator, UnaryOperator<TestGateway.Builder> gateway) {

        /**
         * No RingCentral rate limits and room for many sessions per user (every test connects its own tenant),
         * delivery receipts within a third of a second, +1555… numbers undeliverable and +1777… unsendable; a
         * gateway whose admin budget does not run out over many classes' fixtures (the budget itself is tested on
         * gateways of its own).
         */
        public static final Setup STANDARD = new Setup(
                config -> config.rateLimitsEnabled(false).sessionCap(1_000)
                        .deliveryTiming(Duration.ofMillis(100), Duration.ofMillis(300))
                        .deliveryRule(new DeliveryRule(UNREACHABLE, DeliveryOutcome.DELIVERY_FAILED, "SMS-CAR-411"))
                        .deliveryRule(new DeliveryRule(UNSENDABLE, DeliveryOutcome.SENDING_FAILED, "SMS-RC-500")),
                gateway -> gateway.property("ringbridge.limits.admin-requests-per-minute", "1000000"));

        /** This setup with more gateway properties on top. */
        public Setup withGateway(UnaryOperator<TestGateway.Builder> more) {
            return new Setup(simulator, builder -> more.apply(gateway.apply(builder)));
        }

        /** Starts a world of the caller's own, which it closes. */
        public World start(Database database) {
            SimulatedRingCentral ringCentral = SimulatedRingCentral.start(simulator);
            return new World(ringCentral, ringCentral.start(gateway.apply(ringCentral.gateway(database))));
        }
    }
}
