package io.ringbridge.pacing;

import java.util.ArrayList;
import java.util.List;

/**
 * Our mirror of RingCentral's sliding window for one extension's throttling group (Medium: SMS sends and subscription
 * writes; Light: message-store reads and subscription lists; Auth: token refreshes): the requests that count
 * against it. A request is allowed only when the mirror has room, so the
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
 *
 * <p>A 429 soon after a penalty ended means someone kept the user penalised: another client whose requests restart
 * it. If that client, like us, waits out each 429 exactly, each one's next request lands in the penalty the other
 * one just restarted, for ever. So each further penalty in a row is waited out once more: twice, three times, at
 * most {@value #MAX_PENALTY_WAITS} times, which lets a client that waits exactly get out, and then us.
 *
 * <p>Plain data; the {@link PacingStore} keeps it consistent under its own lock.
 */
final class PacingWindow {

    /** RingCentral's window until its headers say otherwise. */
    static final long DEFAULT_WINDOW_MS = 60_000;
    /** While answers are outstanding they may free slots any moment: look again this soon. */
    static final long RECHECK_MS = 200;
    /** Room always kept for other clients while they are at work. */
    static final int MIN_FOREIGN_HEADROOM = 2;
    /** Our requests in flight at once while other clients share the budget. */
    static final int SHARED_IN_FLIGHT = 4;
    /** The most penalties waited out after one 429 that follows others in a row. */
    static final int MAX_PENALTY_WAITS = 4;

    private final long marginMs;
    private int limit;
    private long windowMs;
    private long blockedUntil;
    /** Penalties in a row: each began within a window of the end of the one before. */
    private int penalties;
    private final List<Long> answered;
    private final List<Long> pending;
    private final List<Long> foreign;
    /** When RingCentral last told us the remaining budget (0: never). */
    private long reportedAt;

    private PacingWindow(State state, long marginMs) {
        this.limit = state.limit();
        this.windowMs = state.windowMs();
        this.blockedUntil = state.blockedUntil();
        this.penalties = state.penalties();
        this.answered = new ArrayList<>(state.answered());
        this.pending = new ArrayList<>(state.pending());
        this.foreign = new ArrayList<>(state.foreign());
        this.reportedAt = state.reportedAt();
        this.marginMs = marginMs;
    }

    /** An empty window of a group that allows {@code limit} requests until RingCentral's headers say otherwise. */
    static PacingWindow fresh(int limit, long marginMs) {
        return of(new State(limit, DEFAULT_WINDOW_MS, 0, 0, List.of(), List.of(), List.of(), 0), marginMs);
    }

    static PacingWindow of(State state, long marginMs) {
        return new PacingWindow(state, marginMs);
    }

    /** Takes up to {@code wanted} slots at {@code now}; returns how many were granted. */
    int reserve(long now, int wanted) {
        if (now < blockedUntil) {
            return 0;
        }
        purge(now);
        int granted = Math.min(wanted, grantable(now));
        for (int i = 0; i < granted; i++) {
            pending.add(now);
        }
        return granted;
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
        if (remaining != null) {
            reportedAt = Math.max(reportedAt, now); // before the purge: what RingCentral no longer counts goes
        }
        purge(now);
        if (remaining == null) {
            return;
        }
        if (remaining >= limit) {
            // RingCentral counts nothing against this group (limits off, or a group this request is not in):
            // what we reserved up to this request is not using its budget.
            answered.clear();
            foreign.clear();
            pending.removeIf(time -> time <= reservedAt);
            return;
        }
        int unexplained = (limit - remaining) - stillCountable(reservedAt);
        for (int i = 0; i < unexplained; i++) {
            foreign.add(now); // use we did not make: another client of the same user, counted from now
        }
    }

    /**
     * The entries RingCentral may still have counted when it answered a request reserved at {@code reservedAt}: it
     * answered no earlier than that, and counts a window back from its answer. An entry is timed no earlier than
     * its request reached RingCentral, so one older than a window before the reservation has surely left RingCentral's
     * window, though it stays in ours for the margin. Counting those would hide other clients' use just when our own
     * burst leaves the window, and the next burst would take their room.
     */
    private int stillCountable(long reservedAt) {
        long gone = reservedAt - windowMs;
        return (int) (answered.stream().filter(time -> time > gone).count() + foreign.stream().filter(time -> time > gone).count())
                + pending.size();
    }

    /**
     * RingCentral answered 429: nothing may be sent before the penalty is over, nor, if it follows other penalties
     * in a row, before it was waited out once more for each of them (see the class comment).
     */
    void block(long now, long retryAfterMs) {
        boolean inARow = blockedUntil > 0 && now < blockedUntil + windowMs + marginMs;
        if (now >= blockedUntil) {
            penalties = inARow ? Math.min(penalties + 1, MAX_PENALTY_WAITS) : 1;
        }
        long penalty = Math.max(retryAfterMs, 1_000);
        blockedUntil = Math.max(blockedUntil, now + penalty * penalties + marginMs);
    }

    /** The earliest moment a slot may be free (sooner if outstanding answers free one). */
    long nextSlot(long now) {
        if (now < blockedUntil) {
            return blockedUntil;
        }
        purge(now);
        if (grantable(now) > 0) {
            return now;
        }
        if (!pending.isEmpty()) {
            return now + RECHECK_MS;
        }
        // Nothing in flight and no room: our own oldest requests must leave the window (the others' use, as last
        // seen, stays until an answer shows it gone).
        List<Long> ours = new ArrayList<>(answered);
        ours.sort(null);
        int mustExpire = ours.size() - (limit - foreign.size() - headroom()) + 1;
        return ours.get(Math.clamp(mustExpire, 1, ours.size()) - 1) + windowMs + marginMs + 1;
    }

    /** How many requests may start now. */
    private int grantable(long now) {
        int room = limit - used() - headroom();
        if (room <= 0 && answered.isEmpty() && pending.isEmpty()) {
            // Only the others' use as last seen fills the window: one request finds out whether it still does.
            room = 1;
        }
        return Math.max(0, Math.min(room, inFlightRoom(now)));
    }

    /**
     * Room kept for other clients of the same user while they are at work: half as much again as they used in the
     * last window, and at least two slots (their requests are counted only once noticed, and our own requests in
     * flight hide some of them).
     */
    private int headroom() {
        return foreign.isEmpty() ? 0 : Math.max(MIN_FOREIGN_HEADROOM, (foreign.size() + 1) / 2);
    }

    /**
     * At most a few requests of ours in flight at once while other clients share the budget, or while we do not
     * know whether they do: RingCentral said nothing within the last window, so the first answers tell. After a
     * penalty, one at a time until an answer shows it over.
     */
    private int inFlightRoom(long now) {
        if (blockedUntil > reportedAt) {
            return Math.max(0, 1 - pending.size());
        }
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
        // Other clients' requests are seen only in our answers: as last seen, they stay until a later answer.
        long foreignCutoff = Math.min(now, reportedAt) - windowMs - marginMs;
        foreign.removeIf(time -> time <= foreignCutoff);
    }

    /** The window's data, as the shared store keeps it. */
    State state() {
        return new State(limit, windowMs, blockedUntil, penalties, List.copyOf(answered), List.copyOf(pending),
                List.copyOf(foreign), reportedAt);
    }

    /**
     * Everything a window knows, times in epoch milliseconds (the margin is configuration, not state).
     *
     * @param penalties  penalties in a row: each began within a window of the end of the one before
     * @param reportedAt when RingCentral last told us the remaining budget (0: never)
     */
    record State(int limit, long windowMs, long blockedUntil, int penalties, List<Long> answered, List<Long> pending,
                 List<Long> foreign, long reportedAt) {
    }
}
