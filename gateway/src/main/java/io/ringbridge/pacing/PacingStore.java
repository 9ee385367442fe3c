package io.ringbridge.pacing;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the extensions' {@link PacingWindow}s live: in this process ({@link LocalPacingStore}) or in the database all
 * instances share ({@link SharedPacingStore}). One window per extension and throttling group ({@link PacingKey}).
 */
interface PacingStore {

    /** Applies {@code change} to the extension's window and returns its result once the change is stored. */
    <T> T update(PacingKey key, Function<PacingWindow, T> change);

    /**
     * What became of a reserved slot (answered, or never used): nobody waits for it, so it may be stored later, but
     * always before any change this instance makes to the window afterwards.
     */
    void report(PacingKey key, Consumer<PacingWindow> outcome);
}
