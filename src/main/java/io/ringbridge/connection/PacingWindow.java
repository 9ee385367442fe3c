package io.ringbridge.connection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Our mirror of RingCentral's sliding window for one extension's Medium group (SMS sends and subscription writes
 * share it): the requests that count against it. A request is allowed only when the mirror has room, so the
 * gateway never asks for more than RingCentral grants; RingCentral's answers keep the mirror honest; a 429 blocks
 * the extension for the whole penalty (a request during it would restart it).
 *
 * <p>Three kinds of entries: <em>pending</em> slots, reserved for requests whose answer has not arrived;
 * <em>answered</em> ones, timed conservatively: a request counts from the moment its answer arrived (RingCentral
 * counted it before that); and <em>foreign</em> ones: use by other clients of the same user (seen as less
 * {@code X-Rate-Limit-Remaining} than ours explains), counted from when it was noticed. Every entry lives a small
 * margin longer than the window.
 *
 * <p>Another client's requests are seen only after they were made, and if one of them draws a 429 the whole user
 * is penalised, and every request of ours during the penalty restarts it. So while other clients are at work, the
 * mirror leaves them room beyond what they used in the last window, and it never has more than a few requests in
 * flight: a penalty that comes anyway meets few of ours. Until an answer in the current window tells whether others
 * are at work, the same few requests go first.
 * Plain data; callers keep it consistent under their own lock.
 */
final class PacingWindow {

    /** RingCentral's Medium group until its headers say otherwise: 40 requests per 60 s. */
    static final int DEFAULT_LIMIT = 40;
    static final long DEFAULT_WINDOW_MS = 60_000;
    /** While answers are outstanding they may free slots any moment: look again this soon. */
    static final long RECHECK_MS = 200;
    /** Room always kept for other clients while they are at work. */
    static final int MIN_FOREIGN_HEADROOM = 2;
    /** Our requests in flight at once while other clients share the budget. */
    static final int SHARED_IN_FLIGHT = 4;

    private final long marginMs;
    private int limit;
    private long windowMs;
    private long blockedUntil;
    private final List<Long> answered;
    private final List<Long> pending;
    private final List<Long> foreign;
    /** When RingCentral last told us the remaining budget (0: never). */
    private long reportedAt;

    PacingWindow(int limit, long windowMs, long blockedUntil, List<Long> answered, List<Long> pending,
                 List<Long> foreign, long reportedAt, long marginMs) {
        this.limit = limit;
        this.reportedAt = reportedAt;
        this.windowMs = windowMs;
        this.blockedUntil = blockedUntil;
        this.answered = new ArrayList<>(answered);
        this.pending = new ArrayList<>(pending);
        this.foreign = new ArrayList<>(foreign);
        this.marginMs = marginMs;
    }

    static PacingWindow fresh(long marginMs) {
        return new PacingWindow(DEFAULT_LIMIT, DEFAULT_WINDOW_MS, 0, List.of(), List.of(), List.of(), 0, marginMs);
    }

    /** Takes up to {@code wanted} slots at {@code now}; returns how many were granted. */
    int reserve(long now, int wanted) {
        if (now < blockedUntil) {
            return 0;
        }
        purge(now);
        int granted = Math.max(0, Math.min(wanted, Math.min(room(), inFlightRoom(now))));
        for (int i = 0; i < granted; i++) {
            pending.add(now);
        }
        return granted;
    }

    /** A request made at {@code now} without a reservation; it counts like an answered one from now on. */
    void record(long now) {
        purge(now);
        answered.add(now);
    }

    /** Gives back slots reserved at {@code reservedAt} that were not used for a request. */
    void release(long reservedAt, int count) {
        for (int i = 0; i < count; i++) {
            pending.remove(Long.valueOf(reservedAt));
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
        if (pending.remove(Long.valueOf(reservedAt))) {
            answered.add(now); // RingCentral saw it no later than now
        }
        purge(now);
        if (remaining == null) {
            return;
        }
        reportedAt = Math.max(reportedAt, now);
        if (remaining >= limit) {
            // RingCentral counts nothing against this group (limits off, or a group this request is not in):
            // what we reserved up to this request is not using its budget.
            answered.clear();
            foreign.clear();
            pending.removeIf(time -> time <= reservedAt);
            return;
        }
        int unexplained = (limit - remaining) - used();
        for (int i = 0; i < unexplained; i++) {
            foreign.add(now); // use we did not make: another client of the same user, counted from now
        }
    }

    /** RingCentral answered 429: nothing may be sent before the penalty is over. */
    void block(long now, long retryAfterMs) {
        blockedUntil = Math.max(blockedUntil, now + Math.max(retryAfterMs, 1_000) + marginMs);
    }

    /** The earliest moment a slot may be free (sooner if outstanding answers free one). */
    long nextSlot(long now) {
        if (now < blockedUntil) {
            return blockedUntil;
        }
        purge(now);
        if (room() > 0) {
            return inFlightRoom(now) > 0 ? now : now + RECHECK_MS;
        }
        List<Long> all = new ArrayList<>(answered);
        all.addAll(pending);
        all.addAll(foreign);
        all.sort(null);
        int mustExpire = Math.min(all.size(), all.size() - limit + headroom() + 1);
        long expiry = all.get(Math.max(0, mustExpire - 1)) + windowMs + marginMs + 1;
        return pending.isEmpty() ? expiry : Math.min(expiry, now + RECHECK_MS);
    }

    /** Slots free now, less the room kept for other clients. */
    private int room() {
        return limit - used() - headroom();
    }

    /**
     * Room kept for other clients of the same user while they are at work: a quarter more than they used in the
     * last window, and at least two slots (their requests are counted only once noticed).
     */
    private int headroom() {
        return foreign.isEmpty() ? 0 : Math.max(MIN_FOREIGN_HEADROOM, (foreign.size() + 3) / 4);
    }

    /**
     * At most a few requests of ours in flight at once while other clients share the budget, or while we do not
     * know whether they do: RingCentral said nothing within the last window, so the first answers tell.
     */
    private int inFlightRoom(long now) {
        boolean alone = foreign.isEmpty() && reportedAt > now - windowMs;
        return alone ? Integer.MAX_VALUE : Math.max(0, SHARED_IN_FLIGHT - pending.size());
    }

    private int used() {
        return answered.size() + pending.size() + foreign.size();
    }

    private void purge(long now) {
        long cutoff = now - windowMs - marginMs;
        answered.removeIf(time -> time <= cutoff);
        pending.removeIf(time -> time <= cutoff);
        foreign.removeIf(time -> time <= cutoff);
    }

    String encode() {
        return limit + "|" + windowMs + "|" + blockedUntil + "|" + join(answered) + "|" + join(pending) + "|" + join(foreign) + "|" + reportedAt;
    }

    static PacingWindow decode(String text, long marginMs) {
        String[] parts = text.split("\\|", -1);
        return new PacingWindow(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                split(parts[3]), parts.length > 4 ? split(parts[4]) : List.of(),
                parts.length > 5 ? split(parts[5]) : List.of(), parts.length > 6 ? Long.parseLong(parts[6]) : 0, marginMs);
    }

    private static String join(List<Long> times) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < times.size(); i++) {
            text.append(i == 0 ? "" : ",").append(times.get(i));
        }
        return text.toString();
    }

    private static List<Long> split(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }
}
