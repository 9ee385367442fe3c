package io.ringbridge.pacing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** The windows in this process's memory: exact for a single instance (the embedded H2 database allows only one). */
final class LocalPacingStore implements PacingStore {

    private final ConcurrentHashMap<PacingKey, PacingWindow> windows = new ConcurrentHashMap<>();
    private final long marginMs;

    LocalPacingStore(long marginMs) {
        this.marginMs = marginMs;
    }

    @Override
    public <T> T update(PacingKey key, Function<PacingWindow, T> change) {
        PacingWindow window = windows.computeIfAbsent(key, k -> PacingWindow.fresh(k.group().defaultLimit(), marginMs));
        synchronized (window) {
            return change.apply(window);
        }
    }

    @Override
    public void report(PacingKey key, Consumer<PacingWindow> outcome) {
        update(key, window -> {
            outcome.accept(window);
            return null;
        });
    }
}
