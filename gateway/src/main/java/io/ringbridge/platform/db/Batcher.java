package io.ringbridge.platform.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Group commit for callers that each need one database round trip of the same kind: while a batch is in flight,
 * the callers that arrive queue up and go together in the next one. Under load that turns many small statements
 * (and, for writes, many WAL flushes) into few larger ones; a caller alone pays one round trip as before. Each
 * caller still gets its own answer only once its batch has committed.
 *
 * <p>A batch that fails is run again one item at a time, so one bad item (or a batch too large for the database)
 * fails only its own caller.
 *
 * @param <T> what one caller hands in
 * @param <R> what that caller gets back
 */
public final class Batcher<T, R> {

    private record Pending<T, R>(T item, CompletableFuture<R> answer) {
    }

    private final Function<List<T>, List<R>> call;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    /** @param call runs one batch and answers the items in their order */
    public Batcher(int maxBatch, Function<List<T>, List<R>> call) {
        this.maxBatch = maxBatch;
        this.call = call;
    }

    /** Waits (on the caller's virtual thread) for the batch that carries {@code item}; rethrows its failure. */
    public R submit(T item) {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        waiting.add(pending);
        if (flushing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("batcher").start(this::flush);
        }
        try {
            return pending.answer().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    private void flush() {
        while (true) {
            List<Pending<T, R>> batch = new ArrayList<>();
            for (Pending<T, R> next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                flushing.set(false);
                // A caller that queued after the poll but saw flushing still set is picked up here.
                if (waiting.isEmpty() || !flushing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            run(batch);
        }
    }

    private void run(List<Pending<T, R>> batch) {
        try {
            answer(batch, call.apply(batch.stream().map(Pending::item).toList()));
        } catch (RuntimeException | Error failed) {
            if (batch.size() == 1) {
                batch.getFirst().answer().completeExceptionally(failed);
                return;
            }
            for (Pending<T, R> single : batch) {
                run(List.of(single));
            }
        }
    }

    private static <T, R> void answer(List<Pending<T, R>> batch, List<R> answers) {
        if (answers.size() != batch.size()) {
            throw new IllegalStateException("A batch of " + batch.size() + " got " + answers.size() + " answers");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(answers.get(i));
        }
    }
}
