package io.ringbridge.pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ringbridge.platform.db.Batcher;
import io.ringbridge.platform.db.SoftStateDatabase;

/**
 * The windows in the soft-state pool's {@code pacing_window} table, shared by all instances (PostgreSQL): each write
 * is a read-modify-write under the window's row lock. A busy extension sees many changes at once (a batch of sends
 * answered together, the next reservation), and one row lock taken per change would make them queue on it. So the
 * changes of one extension go through its {@link Batcher}: those that arrive while its window is being written are
 * applied together, in arrival order, in the next locked read-modify-write. Each caller still gets the result of
 * its own change only once the write holding it has committed.
 *
 * <p>Reported outcomes need no result. They are applied with the next write of the extension's window (a change on
 * this instance applies everything reported before it), or after {@link #LINGER} at the latest, so a busy
 * extension's many answers cost a few writes, not one each. Until then the slot counts as still in flight; other
 * instances learn the answer's headers up to {@code LINGER} later, as if it had taken that much longer to arrive.
 */
final class SharedPacingStore implements PacingStore {

    /** The longest a reported outcome waits for a write of its window. */
    static final Duration LINGER = Duration.ofMillis(100);

    private static final int MAX_BATCH = 256;

    private static final Logger log = LoggerFactory.getLogger(SharedPacingStore.class);

    private final SoftStateDatabase.Shared shared;
    private final WindowJson json;
    private final ConcurrentHashMap<PacingKey, Lane> lanes = new ConcurrentHashMap<>();

    SharedPacingStore(SoftStateDatabase.Shared shared, WindowJson json) {
        this.shared = shared;
        this.json = json;
    }

    @Override
    public <T> T update(PacingKey key, Function<PacingWindow, T> change) {
        @SuppressWarnings("unchecked") // a write answers each change with what that change returned
        T result = (T) lane(key).changes.submit(change);
        return result;
    }

    @Override
    public void report(PacingKey key, Consumer<PacingWindow> outcome) {
        Lane lane = lane(key);
        lane.outcomes.add(outcome);
        if (lane.flushScheduled.compareAndSet(false, true)) {
            Thread.ofVirtual().name("pacing-flush").start(() -> flushLater(key, lane));
        }
    }

    private Lane lane(PacingKey key) {
        return lanes.computeIfAbsent(key, Lane::new);
    }

    private void flushLater(PacingKey key, Lane lane) {
        try {
            Thread.sleep(LINGER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Cleared before the write takes what is waiting: an outcome reported after this schedules a flush of its own.
        lane.flushScheduled.set(false);
        if (lane.outcomes.isEmpty()) {
            return; // a change took them along
        }
        try {
            lane.changes.submit(window -> null);
        } catch (RuntimeException e) {
            log.warn("Pacing window {} not updated; its slots count as used until the window moves on", key.id(), e);
        }
    }

    /** One write of the extension's window: the outcomes reported so far, then {@code changes}, in order. */
    private List<Object> write(PacingKey key, Lane lane, List<Function<PacingWindow, ?>> changes) {
        List<Consumer<PacingWindow>> outcomes = lane.takeOutcomes();
        return shared.inTransaction(jdbc -> {
            PacingWindow window = json.read(lockedRow(jdbc, key));
            outcomes.forEach(outcome -> outcome.accept(window));
            List<Object> results = new ArrayList<>(changes.size()); // results may be null
            changes.forEach(change -> results.add(change.apply(window)));
            jdbc.sql("UPDATE pacing_window SET state = :state WHERE pacing_key = :key")
                    .param("state", json.write(window)).param("key", key.id()).update();
            return results;
        });
    }

    /** The stored window, locked until the transaction ends; a fresh one is stored first if there is none. */
    private String lockedRow(JdbcClient jdbc, PacingKey key) {
        String select = "SELECT state FROM pacing_window WHERE pacing_key = :key FOR UPDATE";
        return jdbc.sql(select).param("key", key.id()).query(String.class).optional().orElseGet(() -> {
            jdbc.sql("INSERT INTO pacing_window (pacing_key, state) VALUES (:key, :state) ON CONFLICT (pacing_key) DO NOTHING")
                    .param("key", key.id()).param("state", json.write(json.fresh(key.group().defaultLimit()))).update();
            return jdbc.sql(select).param("key", key.id()).query(String.class).single();
        });
    }

    /** One extension's reported outcomes waiting for a write, and the batcher its writes go through. */
    private final class Lane {
        private final Queue<Consumer<PacingWindow>> outcomes = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean flushScheduled = new AtomicBoolean();
        private final Batcher<Function<PacingWindow, ?>, Object> changes;

        private Lane(PacingKey key) {
            this.changes = new Batcher<>(MAX_BATCH, batch -> write(key, this, batch));
        }

        private List<Consumer<PacingWindow>> takeOutcomes() {
            List<Consumer<PacingWindow>> taken = new ArrayList<>();
            for (Consumer<PacingWindow> outcome; (outcome = outcomes.poll()) != null; ) {
                taken.add(outcome);
            }
            return taken;
        }
    }
}
