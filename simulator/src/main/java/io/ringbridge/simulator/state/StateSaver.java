package io.ringbridge.simulator.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Saves the state shortly after it changed: {@link #changed()} only raises a flag, a background thread saves at
 * most once per interval, and {@link #close()} saves what is left. Keeps the request path free of file I/O.
 */
public final class StateSaver implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StateSaver.class.getName());

    private final StateFile file;
    private final Supplier<SimulatorState> state;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rc-sim-state-saver");
        t.setDaemon(true);
        // not the caller's (possibly a web app's) class loader: the timer outlives requests
        t.setContextClassLoader(StateSaver.class.getClassLoader());
        return t;
    });

    public StateSaver(StateFile file, Supplier<SimulatorState> state, Duration interval) {
        this.file = file;
        this.state = state;
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::saveIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Marks the state as changed; cheap enough for every request. */
    public void changed() {
        dirty.set(true);
    }

    private void saveIfChanged() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            file.save(state.get());
        } catch (RuntimeException e) {
            dirty.set(true);
            LOG.log(System.Logger.Level.WARNING, "could not save the simulator state to " + file.path(), e);
        }
    }

    /** Stops the background saves and writes the final state. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.save(state.get());
    }
}
