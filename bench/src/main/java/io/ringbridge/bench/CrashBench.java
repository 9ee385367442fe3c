package io.ringbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * Crash recovery within RingCentral's limits: the standalone simulator, with its default limits (Light 50, Medium 40,
 * Auth 5 a minute per user), 1.5 s latency and 15 % of its answers lost, outlives a gateway killed with SIGKILL while
 * {@code atKill} or more of {@code messages} (spread over the extensions) are {@code sending}. The gateway is started
 * again on the same database: the time until every message is final, RingCentral's 429s per throttling group
 * (Light: the in-doubt look-ups and receipt reads; target 0), and messages lost or sent twice (target 0). Figure:
 * the seconds to final beside the 3-minute bound.
 */
final class CrashBench {

    static final Duration BOUND = Duration.ofMinutes(3);

    private CrashBench() {
    }

    static void run(BenchWorld world, String databaseUrl, int messages, int atKill) throws Exception {
        try (Launched simulator = world.simulator(List.of())) {
            Path data = Files.createTempDirectory("bench-crash-");
            Map<String, String> properties = world.gatewayProperties(simulator, databaseUrl, data);
            long sendingAtKill;
            try (Launched gateway = Launched.gateway(world.javaCommand, world.jar, properties);
                 Connection db = DriverManager.getConnection(databaseUrl)) {
                world.registerApp(simulator, List.of(gateway.base));
                String key = BenchWorld.tenantWithApp(gateway.base);
                world.connectAll(gateway.base, key);
                fault(simulator, "{\"operation\":\"*\",\"kind\":\"LATENCY\",\"latencyMs\":1500}");
                fault(simulator, "{\"operation\":\"*\",\"kind\":\"LOST_RESPONSE\",\"fraction\":0.15}");
                // Watched while the messages are accepted: they start going out at once, and the peak is brief.
                Thread filling = Thread.ofVirtual().start(() -> Queue.fill(gateway.base, key, world.users, messages));
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                do {
                    sendingAtKill = Queue.count(db, "SELECT COUNT(*) FROM message WHERE status = 'sending'");
                    Thread.sleep(20);
                } while (sendingAtKill < atKill && System.nanoTime() < deadline);
                gateway.kill();
                filling.join();
                BenchWorld.require(sendingAtKill >= atKill, "never " + atKill + " messages sending at once");
            }
            try (Launched gateway = Launched.gateway(world.javaCommand, world.jar, properties);
                 Connection db = DriverManager.getConnection(databaseUrl)) {
                long restarted = System.nanoTime();
                long open;
                do {
                    Thread.sleep(200);
                    open = Queue.count(db, "SELECT COUNT(*) FROM message WHERE status IN ('queued', 'sending')");
                } while (open > 0 && System.nanoTime() - restarted < BOUND.multipliedBy(4).toNanos());
                double seconds = (System.nanoTime() - restarted) / 1e9;
                long stored = Queue.count(db, "SELECT COUNT(*) FROM message");
                long sent = Queue.count(db, "SELECT COUNT(*) FROM message WHERE status IN ('sent', 'delivered')");
                JsonNode counters = Http.get(simulator.base.resolve("/admin/counters"), null).json();
                Map<String, Long> throttled = new TreeMap<>();
                counters.path("rateLimits").forEach(stats -> throttled.merge(stats.path("group").asString(),
                        stats.path("throttled").asLong(), Long::sum));
                long twice = 0;
                long received = 0;
                for (JsonNode count : Http.get(simulator.base.resolve("/admin/send-counts"), null).json()) {
                    received += count.path("count").asLong() > 0 ? 1 : 0;
                    twice += count.path("count").asLong() > 1 ? 1 : 0;
                }
                System.out.printf("%n== Crash recovery (%d extensions, %d messages, %d sending at SIGKILL; limits on, "
                        + "1.5 s latency, 15 %% answers lost)%n", world.users, messages, sendingAtKill);
                System.out.printf("every message final %.1f s after the restart (target < %d s): %s; still open: %d%n",
                        seconds, BOUND.toSeconds(), open == 0 && seconds < BOUND.toSeconds() ? "PASS" : "FAIL", open);
                System.out.printf("429s by group: %s; Light (look-ups, receipts) target 0: %s%n", throttled,
                        throttled.getOrDefault("Light", 0L) == 0 ? "PASS" : "FAIL");
                System.out.printf("stored %d, sent %d, received by RingCentral %d, sent twice %d (targets %d, %d, %d, 0): %s%n",
                        stored, sent, received, twice, messages, messages, messages,
                        stored == messages && sent == messages && received == messages && twice == 0 ? "PASS" : "FAIL");
                new Summary("crash recovery", "every message final after", seconds, "the bound", BOUND.toSeconds(), "s")
                        .print();
            }
        }
    }

    private static void fault(Launched simulator, String rule) {
        Http.Answer answer = Http.post(simulator.base.resolve("/admin/faults"), null, rule);
        BenchWorld.require(answer.status() / 100 == 2, "fault: " + answer.body());
    }
}
