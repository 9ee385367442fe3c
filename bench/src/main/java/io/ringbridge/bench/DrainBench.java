package io.ringbridge.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How fast queued messages become sent on PostgreSQL, RingCentral's limits off: with no added latency
 * (target ≥ 1,000 messages/s) and with 250 ms per call (target ≥ 400 messages/s). The queue is filled by a gateway
 * that does not send; a fresh gateway then drains it while the driver watches the database. Then, in the same run, the
 * reference: the simulator alone taking the same requests straight from the driver ({@link SimulatorAlone}).
 */
final class DrainBench {

    /** The draining gateway's {@code ringbridge.sending.max-in-flight}, and the reference's requests in flight. */
    private static final int IN_FLIGHT = 512;

    /** The reference's measurement, after its warm-up. */
    private static final double REFERENCE_SECONDS = 5;

    private DrainBench() {
    }

    static void run(BenchWorld world, String databaseUrl, int messages, long latencyMs, double target) throws Exception {
        List<String> args = latencyMs > 0 ? List.of("--no-limits", "--latency-ms", Long.toString(latencyMs)) : List.of("--no-limits");
        try (Launched simulator = world.simulator(args)) {
            Path data = Files.createTempDirectory("bench-drain-");
            Map<String, String> filling = new java.util.LinkedHashMap<>(world.gatewayProperties(simulator, databaseUrl, data));
            filling.put("ringbridge.sending.enabled", "false");
            String key;
            URI callback;
            try (Launched gateway = Launched.gateway(world.javaCommand, world.jar, filling)) {
                world.registerApp(simulator, List.of(gateway.base));
                callback = URI.create("http://localhost:" + gateway.base.getPort() + "/v1/rc/callback");
                key = BenchWorld.tenantWithApp(gateway.base);
                world.connectAll(gateway.base, key);
                Queue.fill(gateway.base, key, world.users, messages);
            }
            Map<String, String> draining = new java.util.LinkedHashMap<>(world.gatewayProperties(simulator, databaseUrl, data));
            draining.put("ringbridge.sending.max-in-flight", Integer.toString(IN_FLIGHT));
            Queue.Drained drained;
            try (Launched gateway = Launched.gateway(world.javaCommand, world.jar, draining)) {
                drained = Queue.drained(databaseUrl, messages);
            }
            // Measured once the gateway is gone, so the two do not share the machine.
            Load.Result alone = SimulatorAlone.sendRate(simulator, callback, world.users, IN_FLIGHT, REFERENCE_SECONDS);
            double rate = messages / drained.seconds();
            System.out.printf("%n== Drain (PostgreSQL, %d senders, %d messages, simulator limits off, latency %d ms)%n",
                    world.users, messages, latencyMs);
            System.out.printf("queued -> sent: %d messages in %.1f s = %.0f messages/s, from a cold start (target >= %.0f): %s%n",
                    messages, drained.seconds(), rate, target, rate >= target ? "PASS" : "FAIL");
            System.out.printf("steady state (10 %% to 90 %% done): %.0f messages/s (target >= %.0f): %s%n",
                    drained.steadyPerSecond(), target, drained.steadyPerSecond() >= target ? "PASS" : "FAIL");
            System.out.printf("simulator alone, POST .../sms from the driver, %d in flight: %s%n", IN_FLIGHT, alone);
            new Summary("drain, latency " + latencyMs + " ms", "steady drain", drained.steadyPerSecond(),
                    "simulator alone", alone.perSecond(), "/s").print();
        }
    }
}
