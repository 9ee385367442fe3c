package io.ringbridge.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.ringbridge.platform.db.SoftStateDatabase;

/**
 * The extensions' {@link PacingWindow}s in the soft-state pool, shared by all instances: each change is a
 * read-modify-write under the window's row lock. A busy extension sees many changes at once (a batch of sends
 * answered together, the next reservation), and one row lock taken per change would make them queue on it. So
 * changes of one extension that arrive while its window is being written wait in this instance, and the thread
 * that writes next applies all of them, in arrival order, in one locked read-modify-write. Each caller still gets
 * the result of its own change only once the write holding it has committed.
 */
final class SharedPacingWindows {

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
