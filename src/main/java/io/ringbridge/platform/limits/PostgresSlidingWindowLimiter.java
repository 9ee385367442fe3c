package io.ringbridge.platform.limits;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts in PostgreSQL, so every gateway instance shares one budget. One atomic UPSERT per event: the row
 * lock lasts only for that statement and no transaction spans a round trip.
 */
final class PostgresSlidingWindowLimiter implements SlidingWindowLimiter {

    // The UPSERT evaluates SlidingWindow.advancedTo and admits() in SQL against the locked row; the
    // arithmetic must stay the same as SlidingWindow's.
    private static final String ELAPSED = "(:now - r.window_start)";
    private static final String CURRENT = "CASE WHEN " + ELAPSED + " < :window THEN r.current_count ELSE 0 END";
    private static final String PREVIOUS = "CASE WHEN " + ELAPSED + " < :window THEN r.previous_count"
            + " WHEN " + ELAPSED + " < 2 * :window THEN r.current_count ELSE 0 END";
    private static final String START = "r.window_start + (" + ELAPSED + " / :window) * :window";
    private static final String WEIGHT = "GREATEST(0.0, 1.0 - (:now - (" + START + "))::float8 / :window)";
    private static final String ADMITS = "((" + PREVIOUS + ") * " + WEIGHT + " + (" + CURRENT + ") + 1 <= :limit)";

    private static final String UPSERT = """
            INSERT INTO rate_limit_window AS r
                (limit_key, window_start, previous_count, current_count, last_allowed, expires_at)
            VALUES (:key, :now, 0, 1, TRUE, :now + 2 * :window)
            ON CONFLICT (limit_key) DO UPDATE SET
                window_start = %1$s,
                previous_count = %2$s,
                current_count = (%3$s) + CASE WHEN %4$s THEN 1 ELSE 0 END,
                last_allowed = %4$s,
                expires_at = %1$s + 2 * :window
            RETURNING window_start, previous_count, current_count, last_allowed
            """.formatted(START, PREVIOUS, CURRENT, ADMITS);

    private final RateLimit limit;
    private final Clock clock;
    private final JdbcClient jdbc;

    PostgresSlidingWindowLimiter(RateLimit limit, Clock clock, JdbcClient jdbc) {
        this.limit = limit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public RateDecision acquire(String key) {
        long now = clock.millis();
        long window = limit.window().toMillis();
        return jdbc.sql(UPSERT)
                .param("key", limit.name() + ":" + key)
                .param("now", now)
                .param("window", window)
                .param("limit", limit.limit())
                .query((rs, row) -> new SlidingWindow(rs.getLong("window_start"), rs.getInt("previous_count"),
                        rs.getInt("current_count"))
                        .decision(rs.getBoolean("last_allowed"), now, window, limit.limit()))
                .single();
    }
}
