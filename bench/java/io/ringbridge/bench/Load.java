package io.ringbridge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/** Drives a request function closed-loop or at a fixed rate and measures throughput and latency. */
final class Load {

    record Result(long requests, long failures, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%.0f req/s (%d in %.1f s, %d failed), p50 %.2f ms, p99 %.2f ms", perSecond(), requests,
                    seconds, failures, p50Micros / 1000.0, p99Micros / 1000.0);
        }
    }

    private Load() {
    }

    /** {@code concurrency} callers, each sending as soon as its last answer arrived. {@code call} returns a status. */
    static Result closedLoop(int concurrency, double seconds, IntSupplier call) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                executor.submit(() -> {
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        int status;
                        try {
                            status = call.getAsInt();
                        } catch (Queue.StopLoad enough) {
                            break;
                        }
                        if (status / 100 != 2) {
                            failures.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = (System.nanoTime() - t) / 1000;
                    }
                    latencies.add(Arrays.copyOf(mine, n));
                });
            }
        }
        return result(latencies, failures.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Requests started on a fixed schedule whatever the answers do; latency counts from the scheduled moment, so a
     * slow answer cannot hide the waiting of the requests behind it.
     */
    static Result fixedRate(double perSecond, double seconds, IntSupplier call) {
        long count = (long) (perSecond * seconds);
        long intervalNanos = (long) (1e9 / perSecond);
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime() + 50_000_000;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                executor.submit(() -> {
                    int status = call.getAsInt();
                    if (status / 100 != 2) {
                        failures.incrementAndGet();
                    }
                    latencies.add(new long[]{(System.nanoTime() - due) / 1000});
                });
            }
        }
        return result(latencies, failures.get(), (System.nanoTime() - start) / 1e9);
    }

    private static Result result(ConcurrentLinkedQueue<long[]> parts, long failures, double seconds) {
        List<long[]> all = new ArrayList<>(parts);
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (merged.length == 0) {
            return new Result(0, failures, seconds, 0, 0);
        }
        return new Result(merged.length, failures, seconds, merged[(int) (merged.length * 0.50)],
                merged[Math.min(merged.length - 1, (int) (merged.length * 0.99))]);
    }
}
