package io.ringbridge.platform.limits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ringbridge.platform.db.Batcher;

/**
 * Counts in PostgreSQL, so every gateway instance shares one budget. One atomic UPSERT decides; the row lock
 * lasts only for that statement and no transaction spans a round trip.
 *
 * <p>Every request of one key updates the same row, so under load they would queue on its lock one statement at a
 * time. Instead, the requests of a key that arrive while its UPSERT is in flight go together in the next one, which
 * admits as many of them as the window still takes, in arrival order. The decision stays exact across instances
 * (the database still counts every admission); a key costs at most one statement in flight per instance.
 */
final class PostgresSlidingWindowLimiter implements SlidingWindowLimiter {

    private static final int MAX_BATCH = 256;

    // The UPSERT evaluates SlidingWindow.advancedTo and the room left in SQL against the locked row; the
    // arithmetic must stay the same as SlidingWindow's.
    private static final String ELAPSED = "(:now - r.window_start)";
    private static final String CURRENT = "CASE WHEN " + ELAPSED + " < :window THEN r.current_count ELSE 0 END";
    private static final String PREVIOUS = "CASE WHEN " + ELAPSED + " < :window THEN r.previous_count"
            + " WHEN " + ELAPSED + " < 2 * :window THEN r.current_count ELSE 0 END";
    private static final String START = "r.window_start + (" + ELAPSED + " / :window) * :window";
    private static final String WEIGHT = "GREATEST(0.0, 1.0 - (:now - (" + START + "))::float8 / :window)";
    /** How many of the {@code :wanted} requests fit: each one needs estimate + 1 ≤ limit. */
    private static final String ADMITTED = "GREATEST(0, LEAST(:wanted, FLOOR(:limit - ((" + PREVIOUS + ") * " + WEIGHT
            + " + (" + CURRENT + ")))))::int";

    private static final String UPSERT = """
            INSERT INTO rate_limit_window AS r
                (limit_key, window_start, previous_count, current_count, last_admitted, expires_at)
            VALUES (:key, :now, 0, LEAST(:wanted, :limit), LEAST(:wanted, :limit), :now + 2 * :window)
            ON CONFLICT (limit_key) DO UPDATE SET
                window_start = %1$s,
                previous_count = %2$s,
                current_count = (%3$s) + %4$s,
                last_admitted = %4$s,
                expires_at = %1$s + 2 * :window
            RETURNING window_start, previous_count, current_count, last_admitted
            """.formatted(START, PREVIOUS, CURRENT, ADMITTED);

    private final RateLimit limit;
    private final Clock clock;
    private final JdbcClient jdbc;
    /** Per key; each request brings the limit it is held to. */
    private final Cache<String, Batcher<Integer, RateDecision>> batchers;

    PostgresSlidingWindowLimiter(RateLimit limit, Clock clock, JdbcClient jdbc) {
        this.limit = limit;
        this.clock = clock;
        this.jdbc = jdbc;
        // A key's batcher holds no state between batches, so an idle one can go (and come back) at any time.
        this.batchers = Caffeine.newBuilder().expireAfterAccess(limit.window().multipliedBy(2)).build();
    }

    @Override
    public RateDecision acquire(String key) {
        return acquire(key, limit.limit());
    }

    @Override
    public RateDecision acquire(String key, int limit) {
        return batchers.get(key, k -> new Batcher<>(MAX_BATCH, limits -> decide(k, limits)))
                .submit(RateLimit.requirePositive(limit));
    }

    /**
     * Decides the requests of one key in one statement: the first ones that fit are admitted. Should the limit
     * have changed while they gathered, the batch is held to the smallest one.
     */
    private List<RateDecision> decide(String key, List<Integer> limits) {
        long now = clock.millis();
        long window = limit.window().toMillis();
        int wanted = limits.size();
        int heldTo = limits.stream().mapToInt(Integer::intValue).min().orElseThrow();
        return jdbc.sql(UPSERT)
                .param("key", limit.name() + ":" + key)
                .param("now", now)
                .param("window", window)
                .param("limit", heldTo)
                .param("wanted", wanted)
                .query((rs, row) -> decisions(new SlidingWindow(rs.getLong("window_start"), rs.getInt("previous_count"),
                        rs.getInt("current_count")), rs.getInt("last_admitted"), wanted, heldTo, now, window))
                .single();
    }

    /** Each admitted request sees the counts as they stood just after its own admission, as if decided alone. */
    private List<RateDecision> decisions(SlidingWindow after, int admitted, int wanted, int heldTo, long now,
                                         long window) {
        List<RateDecision> decisions = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) {
            boolean allowed = i < admitted;
            SlidingWindow seen = allowed
                    ? new SlidingWindow(after.windowStart(), after.previous(), after.current() - (admitted - 1 - i))
                    : after;
            decisions.add(seen.decision(allowed, now, window, heldTo));
        }
        return decisions;
    }
}
