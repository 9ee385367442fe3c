package io.ringbridge.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicLong;

/** Filling the queue through the API, and watching it drain from the database. */
final class Queue {

    private Queue() {
    }

    /** Accepts {@code messages} messages spread over the users' numbers, as fast as the gateway takes them. */
    static void fill(URI gateway, String apiKey, int users, int messages) {
        AtomicLong next = new AtomicLong();
        URI send = gateway.resolve("/v1/sms/send");
        Load.Result accepted = Load.closedLoop(32, 3600, () -> {
            long i = next.getAndIncrement();
            if (i >= messages) {
                throw new StopLoad();
            }
            return Http.post(send, apiKey, "{\"to\":\"+1415" + String.format("%07d", i) + "\",\"from\":\""
                    + BenchWorld.number((int) (i % users)) + "\",\"body\":\"Bench message " + i + "\"}").status();
        });
        System.out.println("accepted " + messages + " messages");
    }

    /** How a queue drained: the whole time, and the rate between 10 % and 90 % done (past the start-up ramp). */
    record Drained(double seconds, double steadyPerSecond) {
    }

    /** Watches the queue from now until no message is queued or sending any more, polling every 100 ms. */
    static Drained drained(String jdbcUrl, int messages) throws Exception {
        long start = System.nanoTime();
        double tenth = -1;
        double ninth = -1;
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            long lastReport = 0;
            while (true) {
                // Done: what left the queue, whatever statuses the measured build gives a message after it.
                long done = count(connection,
                        "SELECT COUNT(*) FROM message WHERE direction = 'outbound' AND status NOT IN ('queued', 'sending')");
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (tenth < 0 && done >= messages / 10) {
                    tenth = elapsed;
                }
                if (ninth < 0 && done >= messages * 9L / 10) {
                    ninth = elapsed;
                }
                if (elapsed - lastReport >= 5) {
                    System.out.printf("  %.0f s: %d of %d done%n", elapsed, done, messages);
                    lastReport = (long) elapsed;
                }
                if (done >= messages) {
                    return new Drained(elapsed, messages * 0.8 / (ninth - tenth));
                }
                Thread.sleep(100);
            }
        }
    }

    static long count(Connection connection, String sql) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Thrown by a load function to end its caller's loop early. */
    static final class StopLoad extends RuntimeException {
        StopLoad() {
            super(null, null, false, false);
        }
    }
}
