package io.ringbridge.simulator.limits;

import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.RcErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per (user, app, group) sliding-window limiter with RingCentral's penalty trap: once over the limit, every
 * request during the penalty is refused and restarts the penalty. One small lock per bucket, none global.
 */
public final class RateLimiter {
    private volatile RateLimitSettings settings;
    private final ConcurrentHashMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitSettings settings) {
        this.settings = settings;
    }

    public RateLimitSettings settings() {
        return settings;
    }

    public void settings(RateLimitSettings next) {
        this.settings = next;
    }

    public void reset() {
        buckets.clear();
    }

    /**
     * Counts one request of the bucket, sets the {@code X-Rate-Limit-*} headers, and throws the 429 answer
     * when the request is refused.
     */
    public void acquire(Exchange exchange, String extensionId, String clientId, RateGroup group) {
        RateLimitSettings current = settings;
        GroupLimit limit = current.limit(group);
        long windowSeconds = limit.window().toSeconds();
        exchange.setHeader("X-Rate-Limit-Group", group.label().toLowerCase(Locale.ROOT));
        exchange.setHeader("X-Rate-Limit-Limit", Integer.toString(limit.limit()));
        exchange.setHeader("X-Rate-Limit-Window", Long.toString(windowSeconds));
        if (!current.enabled()) {
            exchange.setHeader("X-Rate-Limit-Remaining", Integer.toString(limit.limit()));
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(new Key(extensionId, clientId, group), k -> new Bucket());
        int remaining = bucket.acquire(System.nanoTime(), limit);
        if (remaining < 0) {
            exchange.setHeader("X-Rate-Limit-Remaining", "0");
            throw RcErrors.rateExceeded(Math.max(1, (limit.penalty().toMillis() + 999) / 1000));
        }
        exchange.setHeader("X-Rate-Limit-Remaining", Integer.toString(remaining));
    }

    public List<RateLimitStats> stats() {
        List<RateLimitStats> list = new ArrayList<>();
        buckets.forEach((key, bucket) -> list.add(bucket.stats(key)));
        return list;
    }

    /** Sum of 429s over all buckets. */
    public long totalThrottled() {
        return buckets.values().stream().mapToLong(b -> b.stats(null).throttled()).sum();
    }

    public long totalPenaltyRestarts() {
        return buckets.values().stream().mapToLong(b -> b.stats(null).penaltyRestarts()).sum();
    }

    private record Key(String extensionId, String clientId, RateGroup group) {
    }

    /** The request times inside the window (a ring buffer) plus the penalty deadline. */
    private static final class Bucket {
        private long[] stamps = new long[0];
        private int head;
        private int size;
        private long penaltyUntil;
        private boolean inPenalty;
        private long allowed;
        private long throttled;
        private long restarts;

        /** Remaining requests after this one, or -1 when refused. */
        synchronized int acquire(long now, GroupLimit limit) {
            if (stamps.length != limit.limit()) {
                stamps = new long[limit.limit()];
                head = 0;
                size = 0;
            }
            long penaltyNanos = limit.penalty().toNanos();
            if (inPenalty && now - penaltyUntil < 0) {
                penaltyUntil = now + penaltyNanos;
                throttled++;
                restarts++;
                return -1;
            }
            inPenalty = false;
            long windowStart = now - limit.window().toNanos();
            while (size > 0 && stamps[head] - windowStart <= 0) {
                head = (head + 1) % stamps.length;
                size--;
            }
            if (size >= stamps.length) {
                inPenalty = true;
                penaltyUntil = now + penaltyNanos;
                throttled++;
                return -1;
            }
            stamps[(head + size) % stamps.length] = now;
            size++;
            allowed++;
            return stamps.length - size;
        }

        synchronized RateLimitStats stats(Key key) {
            return key == null
                    ? new RateLimitStats(null, null, null, allowed, throttled, restarts)
                    : new RateLimitStats(key.extensionId(), key.clientId(), key.group().label(), allowed, throttled,
                    restarts);
        }
    }
}
