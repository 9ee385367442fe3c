package io.ringbridge.connection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Our mirror of RingCentral's sliding window for one extension's Medium group (SMS sends and subscription
 * writes share it): the times of requests that count against it, ours and, when RingCentral's
 * {@code X-Rate-Limit-Remaining} shows more use than ours, estimated foreign ones. A request is allowed only when
 * the mirror has room, so the gateway never asks for more than RingCentral grants; RingCentral's answers keep the
 * mirror honest, and a 429 blocks the extension for the whole penalty (a request during it would restart it).
 *
 * <p>Entry times are conservative: a request counts from the moment its answer arrived (RingCentral counted it at
 * some point before that), foreign use counts from when it was noticed, and every entry lives a small margin longer
 * than the window. Plain data; callers keep it consistent under their own lock.
 */
final class PacingWindow {

    /** RingCentral's Medium group until its headers say otherwise: 40 requests per 60 s. */
    static final int DEFAULT_LIMIT = 40;
    static final long DEFAULT_WINDOW_MS = 60_000;

    private final long marginMs;
    private int limit;
    private long windowMs;
    private long blockedUntil;
    private final List<Long> entries;

    PacingWindow(int limit, long windowMs, long blockedUntil, List<Long> entries, long marginMs) {
        this.limit = limit;
        this.windowMs = windowMs;
        this.blockedUntil = blockedUntil;
        this.entries = new ArrayList<>(entries);
        this.marginMs = marginMs;
        this.entries.sort(null);
    }

    static PacingWindow fresh(long marginMs) {
        return new PacingWindow(DEFAULT_LIMIT, DEFAULT_WINDOW_MS, 0, List.of(), marginMs);
    }

    /** Takes up to {@code wanted} slots at {@code now}; returns how many were granted. */
    int reserve(long now, int wanted) {
        if (now < blockedUntil) {
            return 0;
        }
        purge(now);
        int granted = Math.max(0, Math.min(wanted, limit - entries.size()));
        for (int i = 0; i < granted; i++) {
            entries.add(now);
        }
        return granted;
    }

    /** Gives back slots reserved at {@code reservedAt} that were not used for a request. */
    void release(long reservedAt, int count) {
        for (int i = 0; i < count; i++) {
            entries.remove(Long.valueOf(reservedAt));
        }
    }

    /**
     * A request reserved at {@code reservedAt} was answered at {@code now} with these headers (nulls when absent).
     */
    void observe(long reservedAt, long now, Integer reportedLimit, Long reportedWindowMs, Integer remaining) {
        if (reportedLimit != null && reportedLimit > 0) {
            limit = reportedLimit;
        }
        if (reportedWindowMs != null && reportedWindowMs > 0) {
            windowMs = reportedWindowMs;
        }
        // The request counts from its answer on: RingCentral saw it no later than that.
        if (entries.remove(Long.valueOf(reservedAt))) {
            entries.add(now);
            entries.sort(null);
        }
        purge(now);
        if (remaining == null) {
            return;
        }
        if (remaining >= limit) {
            // RingCentral counts nothing against this group (limits off, or a group this request is not in):
            // whatever we reserved up to this request is not using its budget.
            entries.removeIf(time -> time <= now);
            return;
        }
        int foreign = (limit - remaining) - entries.size();
        for (int i = 0; i < foreign; i++) {
            entries.add(now); // use we did not make: another client of the same user, counted from now
        }
    }

    /** RingCentral answered 429: nothing may be sent before the penalty is over. */
    void block(long now, long retryAfterMs) {
        blockedUntil = Math.max(blockedUntil, now + Math.max(retryAfterMs, 1_000) + marginMs);
    }

    /** The earliest moment a slot can be reserved. */
    long nextSlot(long now) {
        if (now < blockedUntil) {
            return blockedUntil;
        }
        purge(now);
        return entries.size() < limit ? now : entries.get(entries.size() - limit) + windowMs + marginMs + 1;
    }

    private void purge(long now) {
        long cutoff = now - windowMs - marginMs;
        entries.removeIf(time -> time <= cutoff);
    }

    int limit() {
        return limit;
    }

    long windowMs() {
        return windowMs;
    }

    String encode() {
        StringBuilder text = new StringBuilder().append(limit).append('|').append(windowMs).append('|').append(blockedUntil).append('|');
        for (int i = 0; i < entries.size(); i++) {
            text.append(i == 0 ? "" : ",").append(entries.get(i));
        }
        return text.toString();
    }

    static PacingWindow decode(String text, long marginMs) {
        String[] parts = text.split("\\|", -1);
        List<Long> entries = parts[3].isEmpty() ? List.of() : Arrays.stream(parts[3].split(",")).map(Long::valueOf).toList();
        return new PacingWindow(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), entries, marginMs);
    }
}
