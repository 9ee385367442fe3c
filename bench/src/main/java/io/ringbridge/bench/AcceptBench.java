package io.ringbridge.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.flywaydb.core.Flyway;

/**
 * Sustained {@code POST /v1/sms/send} throughput, and, in the same run, the ceiling of a plain
 * JDBC insert of the same row with the same durability and concurrency (ratio ≥ 0.6); then p50/p99 at half the
 * sustained rate (p99 ≤ 25 ms). Sending is off: this measures accepting. The sustained load comes from {@code wrk};
 * the half-rate load from this driver, which starts requests on a fixed schedule and counts latency from it (over
 * kept-alive sockets: see {@link Load#fixedRate} and {@link RawHttp}).
 *
 * <p>The machines these run on are shared: the same build has measured anywhere from 4,400 to 7,400 requests a
 * second within an hour. So the two sides of the ratio are measured in turns ({@link #PAIRS} rounds each), and a slow
 * patch of the machine falls on both; and each side is measured only once its warm-up has stopped getting faster.
 */
final class AcceptBench {

    private static final String INSERT = """
            INSERT INTO message (id, tenant_id, app_id, direction, status, from_number, to_number, body, user_id,
                                 segments, next_attempt_at, created_at, updated_at)
            VALUES (?, ?, ?, 'outbound', 'queued', ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    // Distinct from every other run's ids: a random start, then a counter (12 hex digits like msg_ ids).
    private static final AtomicLong IDS = new AtomicLong(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 44));

    private static final AtomicBoolean FIRST_FAILURE = new AtomicBoolean();

    /** Of the half-rate runs, not counted: see {@link Load#fixedRate}. */
    private static final double WARM_UP_SECONDS = 10;

    /** Rounds of each side of the ratio, taken in turns. */
    private static final int PAIRS = 3;

    private AcceptBench() {
    }

    static void run(BenchWorld world, String database, String databaseUrl, String baselineUrl, int concurrency,
                    double seconds) throws Exception {
        Path data = Files.createTempDirectory("bench-accept-");
        Map<String, String> properties = Map.of("ringbridge.admin-key", BenchWorld.ADMIN_KEY,
                "ringbridge.data-dir", data.toString(), "database.url", databaseUrl == null ? "" : databaseUrl,
                "ringbridge.limits.app-requests-per-minute", "2000000000",
                "ringbridge.limits.tenant-requests-per-minute", "2000000000",
                "ringbridge.limits.admin-requests-per-minute", "2000000000",
                "ringbridge.sending.enabled", "false", "logging.level.io.ringbridge.access", "warn");
        String jdbcUrl = baselineUrl != null ? baselineUrl
                : "jdbc:h2:file:" + Files.createTempDirectory("bench-baseline-").resolve("baseline")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/migration").load().migrate();
        try (Launched gateway = Launched.gateway(world.javaCommand, world.jar, properties);
             PlainInserts inserts = new PlainInserts(jdbcUrl, concurrency)) {
            String key = BenchWorld.tenantWithApp(gateway.base);
            URI send = gateway.base.resolve("/v1/sms/send");
            String body = "{\"to\":\"{{to}}\",\"from\":\"+16506000000\",\"body\":\"Your code is 482913. It expires in 10 minutes.\"}";
            Load.warmUntilSteady("POST /v1/sms/send", 8, () -> Wrk.postSms(send, key, body, concurrency, 10));
            Load.warmUntilSteady("plain insert", 4, () -> Load.closedLoop(10, inserts.lanes()));

            List<Load.Result> posts = new ArrayList<>();
            List<Load.Result> ceilings = new ArrayList<>();
            for (int pair = 0; pair < PAIRS; pair++) {
                // Gateway first, then insert first, and so on: a machine that speeds up or slows down over the
                // rounds favours neither side.
                if (pair % 2 == 0) {
                    posts.add(Wrk.postSms(send, key, body, concurrency, seconds));
                    ceilings.add(Load.closedLoop(seconds, inserts.lanes()));
                } else {
                    ceilings.add(Load.closedLoop(seconds, inserts.lanes()));
                    posts.add(Wrk.postSms(send, key, body, concurrency, seconds));
                }
                System.out.printf("  pair %d: POST %.0f/s, insert %.0f/s, ratio %.2f%n", pair + 1,
                        posts.getLast().perSecond(), ceilings.getLast().perSecond(),
                        posts.getLast().perSecond() / ceilings.getLast().perSecond());
            }
            double sustained = perSecond(posts);
            double ceiling = perSecond(ceilings);

            // The same gateway's floor for an authenticated, rate-limited request that writes nothing.
            Load.Result apps = Wrk.get(gateway.base.resolve("/v1/apps"), key, concurrency, seconds);
            AtomicLong n = new AtomicLong();
            List<IntSupplier> posters = new ArrayList<>();
            for (int lane = 0; lane < concurrency; lane++) {
                RawHttp connection = new RawHttp(gateway.base);
                posters.add(() -> connection.post(send.getRawPath(), key, body.replace("{{to}}",
                        "+1415" + String.valueOf(10_000_000 + n.incrementAndGet() % 10_000_000).substring(1))));
            }
            double halfRate = sustained / 2;
            Load.Result half = Load.fixedRate(halfRate, WARM_UP_SECONDS, seconds, posters);
            // The database's own tail at the same fixed rate, over as many connections: what part of the gateway's p99
            // at half rate the insert alone already has.
            Load.Result insertAtHalf = Load.fixedRate(halfRate, WARM_UP_SECONDS, seconds, inserts.lanes());

            System.out.printf("%n== Accept (%s, %d concurrent)%n", database, concurrency);
            System.out.printf("POST /v1/sms/send sustained (wrk):   %.0f req/s over %d rounds: %s%n", sustained, PAIRS, posts);
            System.out.printf("plain JDBC insert ceiling (driver): %.0f rows/s over %d rounds: %s%n", ceiling, PAIRS, ceilings);
            System.out.println("GET /v1/apps, same gateway (wrk):  " + apps);
            System.out.println("POST at half rate (" + Math.round(halfRate) + "/s): " + half);
            System.out.println("plain insert at the same rate (" + concurrency + " connections): " + insertAtHalf);
            double ratio = sustained / ceiling;
            System.out.printf("ratio send/insert = %.2f (target >= 0.60): %s%n", ratio, ratio >= 0.6 ? "PASS" : "FAIL");
            System.out.printf("p99 at half rate = %.2f ms (target <= 25 ms): %s%n", half.p99Micros() / 1000.0,
                    half.p99Micros() <= 25_000 ? "PASS" : "FAIL");
            new Summary("accept, " + database, "POST /v1/sms/send", sustained, "plain JDBC insert", ceiling, "/s").print();
        }
    }

    /** Requests per second over several rounds together. */
    private static double perSecond(List<Load.Result> rounds) {
        return rounds.stream().mapToLong(Load.Result::requests).sum()
                / rounds.stream().mapToDouble(Load.Result::seconds).sum();
    }

    /** One JDBC connection per lane, autocommit: one durable row per call, as the gateway's callers each need. */
    private static final class PlainInserts implements AutoCloseable {

        private final List<Connection> connections = new ArrayList<>();
        private final List<IntSupplier> lanes = new ArrayList<>();

        PlainInserts(String jdbcUrl, int count) throws java.sql.SQLException {
            for (int i = 0; i < count; i++) {
                Connection connection = DriverManager.getConnection(jdbcUrl);
                connection.setAutoCommit(true);
                connections.add(connection);
                PreparedStatement insert = connection.prepareStatement(INSERT);
                lanes.add(() -> {
                    try {
                        return insertOne(insert);
                    } catch (Exception e) {
                        if (FIRST_FAILURE.compareAndSet(false, true)) {
                            System.err.println("plain insert failed (later failures are only counted): " + e);
                        }
                        return 500;
                    }
                });
            }
        }

        List<IntSupplier> lanes() {
            return lanes;
        }

        @Override
        public void close() throws java.sql.SQLException {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static int insertOne(PreparedStatement insert) throws java.sql.SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        insert.setString(1, String.format("msg_%012x", IDS.incrementAndGet()));
        insert.setString(2, "tenant_0123456789abcdef");
        insert.setString(3, "app_0123456789abcdef");
        insert.setString(4, "+16506000000");
        insert.setString(5, "+14155550100");
        insert.setString(6, "Your code is 482913. It expires in 10 minutes.");
        insert.setString(7, null);
        insert.setInt(8, 1);
        insert.setTimestamp(9, now);
        insert.setTimestamp(10, now);
        insert.setTimestamp(11, now);
        insert.executeUpdate();
        return 200;
    }
}
