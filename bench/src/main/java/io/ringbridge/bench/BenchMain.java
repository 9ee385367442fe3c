package io.ringbridge.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The messaging benchmarks, run by {@code bench/messaging.sh}: a separate process that starts the
 * simulator and the gateway as processes of their own and is the load generator.
 *
 * <pre>
 * BenchMain accept &lt;h2|postgres&gt;            (postgres: DATABASE_URL and BASELINE_URL set)
 * BenchMain drain &lt;messages&gt; &lt;latencyMs&gt; &lt;target/s&gt;   (DATABASE_URL set)
 * BenchMain pacing &lt;messages&gt; &lt;shared: true|false&gt;      (DATABASE_URL set)
 * BenchMain crash &lt;messages&gt; &lt;sending at SIGKILL&gt;         (DATABASE_URL set)
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchWorld world = new BenchWorld(System.getProperty("bench.java"), Path.of(System.getProperty("bench.jar")),
                System.getProperty("java.class.path"), Integer.getInteger("bench.users", 20));
        String databaseUrl = System.getenv("DATABASE_URL");
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "20"));
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        switch (args[0]) {
            case "accept" -> AcceptBench.run(world, args[1], args[1].equals("h2") ? null : databaseUrl,
                    args[1].equals("h2") ? null : System.getenv("BASELINE_URL"), concurrency, seconds);
            case "drain" -> DrainBench.run(world, databaseUrl, Integer.parseInt(args[1]), Long.parseLong(args[2]),
                    Double.parseDouble(args[3]));
            case "pacing" -> PacingBench.run(world, databaseUrl, Integer.parseInt(args[1]), 40, Duration.ofSeconds(10),
                    Boolean.parseBoolean(args[2]));
            case "crash" -> CrashBench.run(world, databaseUrl, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
        System.exit(0);
    }
}
