package io.ringbridge.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * Pacing against RingCentral's per-user Medium limit, shrunk to {@code limit} per
 * {@code window}. 20 extensions drain {@code messages}: the achieved rate as a share of the aggregate rate RingCentral
 * allows, extensions × limit / window (target ≥ 95 %), with zero 429s. Then the same with another client of each user taking a quarter of the
 * budget (politely: it honours Retry-After): the gateway must cause no penalty restart.
 */
final class PacingBench {

    private PacingBench() {
    }

    static void run(BenchWorld world, String databaseUrl, int messages, int limit, Duration window, boolean shared)
            throws Exception {
        try (Launched simulator = world.simulator(List.of())) {
            Http.Answer limits = Http.send("PUT", simulator.base.resolve("/admin/rate-limits"), null, """
                    {"enabled":true,"groups":{"Medium":{"limit":%d,"windowMs":%d,"penaltyMs":%d}}}
                    """.formatted(limit, window.toMillis(), window.toMillis()), Map.of());
            BenchWorld.require(limits.status() / 100 == 2, "limits: " + limits.body());
            Path data = Files.createTempDirectory("bench-pacing-");
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
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong otherSends = new AtomicLong();
            AtomicLong otherRefused = new AtomicLong();
            AtomicLong firstRefusedAt = new AtomicLong(Long.MAX_VALUE);
            List<Thread> others = new ArrayList<>();
            if (shared) {
                for (int i = 0; i < world.users; i++) {
                    String token = BenchWorld.ownSession(simulator, callback, BenchWorld.extension(i));
                    int user = i;
                    others.add(Thread.ofVirtual().start(() -> otherClient(simulator, token, user, limit / 4, window,
                            running, otherSends, otherRefused, firstRefusedAt)));
                }
            }
            JsonNode before = Http.get(simulator.base.resolve("/admin/counters"), null).json();
            Map<String, String> draining = new java.util.LinkedHashMap<>(world.gatewayProperties(simulator, databaseUrl, data));
            try (Launched gateway = Launched.gateway(world.javaCommand, world.jar, draining)) {
                long drainStarted = System.nanoTime();
                double seconds = Queue.drained(databaseUrl, messages).seconds();
                long gatewayRefused = gatewayRateLimited(gateway);
                running.set(false);
                for (Thread other : others) {
                    other.join();
                }
                JsonNode after = Http.get(simulator.base.resolve("/admin/counters"), null).json();
                long throttled = after.path("throttled").asLong() - before.path("throttled").asLong();
                long restarts = after.path("penaltyRestarts").asLong() - before.path("penaltyRestarts").asLong();
                // RingCentral's allowed aggregate: each user `limit` requests per window, i.e. users·limit/window per second.
                double allowedPerSecond = (double) world.users * limit * 1000 / window.toMillis();
                double achievedPerSecond = (messages + otherSends.get()) / seconds;
                double share = achievedPerSecond / allowedPerSecond;
                System.out.printf("%n== Pacing (%d extensions, Medium %d per %d s, %d messages%s)%n", world.users, limit,
                        window.toSeconds(), messages, shared ? ", another client per user taking 1/4" : "");
                System.out.printf("drained in %.1f s: %d sends by the gateway%s = %.1f/s; RingCentral allows %.1f/s%n",
                        seconds, messages, shared ? " + " + otherSends.get() + " by the other clients" : "",
                        achievedPerSecond, allowedPerSecond);
                System.out.printf("achieved %.1f %% of the allowed aggregate%s%n", share * 100,
                        shared ? "" : " (target >= 95 %): " + (share >= 0.95 ? "PASS" : "FAIL"));
                System.out.printf("429s: %d%s; penalty restarts: %d (target 0): %s%n", throttled,
                        shared ? "" : " (target 0)", restarts,
                        restarts == 0 && (shared || throttled == 0) ? "PASS" : "FAIL");
                System.out.printf("429s answered to the gateway: %d; to the other clients: %d%s%n", gatewayRefused,
                        otherRefused.get(), otherRefused.get() == 0 ? "" : String.format(" (the first %.1f s into the drain)",
                                (firstRefusedAt.get() - drainStarted) / 1e9));
                new Summary(shared ? "pacing, another client per user" : "pacing", "achieved", achievedPerSecond,
                        "RingCentral's allowed aggregate", allowedPerSecond, "/s").print();
            }
        }
    }

    /** A polite other client of the same user: its share of the budget, evenly spread, pausing after a 429. */
    private static void otherClient(Launched simulator, String token, int user, int perWindow, Duration window,
                                    AtomicBoolean running, AtomicLong sends, AtomicLong refused, AtomicLong firstRefusedAt) {
        URI sms = simulator.base.resolve("/restapi/v1.0/account/~/extension/~/sms");
        long interval = window.toMillis() / perWindow;
        while (running.get()) {
            Http.Answer answer = Http.post(sms, token, "{\"from\":{\"phoneNumber\":\"" + BenchWorld.number(user)
                    + "\"},\"to\":[{\"phoneNumber\":\"+14085550100\"}],\"text\":\"other client\"}");
            long pause = interval;
            if (answer.status() == 429) {
                refused.incrementAndGet();
                firstRefusedAt.accumulateAndGet(System.nanoTime(), Math::min);
                pause = Math.max(interval, Long.parseLong(answer.header("Retry-After")) * 1000);
            } else if (answer.status() / 100 == 2) {
                sends.incrementAndGet();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The gateway's own count of 429s from RingCentral (its Prometheus counter). */
    private static long gatewayRateLimited(Launched gateway) {
        String metrics = Http.get(gateway.base.resolve("/actuator/prometheus"), null).body();
        return metrics.lines().filter(line -> line.startsWith("ringbridge_rc_rate_limited_total"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
