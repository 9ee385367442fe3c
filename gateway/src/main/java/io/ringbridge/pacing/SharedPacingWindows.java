package io.ringbridge.pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ringbridge.platform.db.SoftStateDatabase;

/**
 * The extensions' {@link PacingWindow}s in the soft-state pool, shared by all instances: each change is a
 * read-modify-write under the window's row lock. A busy extension sees many changes at once (a batch of sends
 * answered together, the next reservation), and one row lock taken per change would make them queue on it. So
 * changes of one extension that arrive while its window is being written wait in this instance, and the thread
 * that writes next applies all of them, in arrival order, in one locked read-modify-write. Each caller still gets
 * the result of its own change only once the write holding it has committed.
 *
 * <p>What became of a reserved slot (an answer arrived, or the slot went unused) needs no result. It is applied
 * with the next write of the extension's window (a reservation on this instance applies everything reported before
 * it), or after {@link #LINGER} at the latest, so a busy extension's many answers cost a few writes, not one each.
 * Until then the slot counts as still in flight; other instances learn the answer's headers up to {@code LINGER}
 * later, as if it had taken that much longer to arrive.
 */
final class SharedPacingWindows {

    /** The longest a reported outcome waits for a write of its window. */
    static final Duration LINGER = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(SharedPacingWindows.class);

    private final SoftStateDatabase.Shared shared;
    private final long marginMs;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    SharedPacingWindows(SoftStateDatabase.Shared shared, long marginMs) {
        this.shared = shared;
        this.marginMs = marginMs;
    }

    <T> T update(String key, Function<PacingWindow, T> change) {
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
        Change<T> mine = new Change<>(change);
        lane.waiting.add(mine);
        lane.writing.lock();
        try {
            while (!mine.done) {
                write(key, lane.next());
            }
        } finally {
            lane.writing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /**
     * What became of a reserved slot ({@link PacingWindow#release}, {@link PacingWindow#observe}): applied, in
     * order, with the next write of the window, at the latest after {@link #LINGER}; returns at once.
     */
    void report(String key, Consumer<PacingWindow> change) {
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
        lane.waiting.add(new Change<>(window -> {
            change.accept(window);
            return null;
        }));
        if (lane.flushScheduled.compareAndSet(false, true)) {
            Thread.ofVirtual().name("pacing-flush").start(() -> flushLater(key, lane));
        }
    }

    private void flushLater(String key, Lane lane) {
        try {
            Thread.sleep(LINGER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Cleared before the write takes what is waiting: a change added after this schedules a flush of its own.
        lane.flushScheduled.set(false);
        lane.writing.lock();
        try {
            List<Change<?>> changes = lane.next();
            if (!changes.isEmpty()) {
                write(key, changes);
                changes.stream().filter(change -> change.failure != null).findFirst().ifPresent(change ->
                        log.warn("Pacing window {} not updated; its slots count as used until the window moves on", key,
                                change.failure));
            }
        } finally {
            lane.writing.unlock();
        }
    }

    /** Called under the lane's lock, which also makes the results visible to the threads that wait for them. */
    private void write(String key, List<Change<?>> changes) {
        try {
            shared.inTransaction(jdbc -> {
                String stored = jdbc.sql("SELECT state FROM pacing_window WHERE pacing_key = :key FOR UPDATE")
                        .param("key", key).query(String.class).optional().orElse(null);
                if (stored == null) {
                    jdbc.sql("INSERT INTO pacing_window (pacing_key, state) VALUES (:key, :state) ON CONFLICT (pacing_key) DO NOTHING")
                            .param("key", key).param("state", PacingWindow.fresh(marginMs).encode()).update();
                    stored = jdbc.sql("SELECT state FROM pacing_window WHERE pacing_key = :key FOR UPDATE")
                            .param("key", key).query(String.class).single();
                }
                PacingWindow window = PacingWindow.decode(stored, marginMs);
                changes.forEach(change -> change.applyTo(window));
                jdbc.sql("UPDATE pacing_window SET state = :state WHERE pacing_key = :key")
                        .param("state", window.encode()).param("key", key).update();
                return null;
            });
        } catch (RuntimeException e) {
            // Nothing was written: every change of the group fails, as each would have on its own.
            changes.forEach(change -> change.fail(e));
            return;
        }
        changes.forEach(Change::commit);
    }

    /** One extension's changes waiting to be written, and the lock of the thread writing them. */
    private static final class Lane {
        private final Queue<Change<?>> waiting = new ConcurrentLinkedQueue<>();
        private final ReentrantLock writing = new ReentrantLock();
        private final AtomicBoolean flushScheduled = new AtomicBoolean();

        private List<Change<?>> next() {
            List<Change<?>> changes = new ArrayList<>();
            for (Change<?> change; (change = waiting.poll()) != null; ) {
                changes.add(change);
            }
            return changes;
        }
    }

    /** A caller's change and, once its write committed, its result; written and read under the lane's lock. */
    private static final class Change<T> {
        private final Function<PacingWindow, T> change;
        private T result;
        private RuntimeException failure;
        private boolean done;

        private Change(Function<PacingWindow, T> change) {
            this.change = change;
        }

        private void applyTo(PacingWindow window) {
            result = change.apply(window);
        }

        private void commit() {
            done = true;
        }

        private void fail(RuntimeException e) {
            result = null;
            failure = e;
            done = true;
        }
    }
}
