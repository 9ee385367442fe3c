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

    /** Seconds from now until no message is queued or sending any more, polling every 100 ms. */
    static double secondsUntilDrained(String jdbcUrl, int messages) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            long lastReport = 0;
            while (true) {
                long done = count(connection, "SELECT COUNT(*) FROM message WHERE status IN ('sent', 'delivered', 'undelivered', 'failed')");
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (elapsed - lastReport >= 5) {
                    System.out.printf("  %.0f s: %d of %d done%n", elapsed, done, messages);
                    lastReport = (long) elapsed;
                }
                if (done >= messages) {
                    return elapsed;
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
