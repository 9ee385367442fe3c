package io.ringbridge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

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
        return closedLoop(seconds, Collections.nCopies(concurrency, call));
    }

    /** One caller per lane (a lane may hold a connection of its own), each sending as soon as its last answer arrived. */
    static Result closedLoop(double seconds, List<? extends IntSupplier> lanes) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (IntSupplier call : lanes) {
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
     * Runs {@code round} until it stops getting faster (a round less than 5 % above the one before), at least two
     * rounds and at most {@code maxRounds}. A JVM under closed-loop load on two cores compiles its hot code while
     * that load takes the CPU the compiler needs: the gateway takes 30–60 s to reach its steady rate.
     */
    static void warmUntilSteady(String what, int maxRounds, Supplier<Result> round) {
        double previous = 0;
        for (int i = 0; i < maxRounds; i++) {
            double rate = round.get().perSecond();
            System.out.printf("  warm-up, %s: %.0f/s%n", what, rate);
            if (i > 0 && rate < previous * 1.05) {
                return;
            }
            previous = rate;
        }
    }

    /**
     * Requests started on a fixed schedule whatever the answers do, latency counted from the scheduled moment, so a
     * slow answer cannot hide the waiting of the requests behind it (the model of wrk2). Request {@code i} belongs
     * to lane {@code i % lanes}; each lane is one connection driven by one platform thread that sleeps until its
     * next request is due, or sends at once when it is late. No thread or task per request: at a few thousand
     * requests a second on two cores, the driver's own scheduling would otherwise take CPU from the server under
     * test and show up as its latency.
     *
     * <p>The first {@code warmUpSeconds} run the same schedule but are not counted: the driver's own code has to be
     * compiled, and a server that just left a closed-loop run settles to the new rate.
     */
    static Result fixedRate(double perSecond, double warmUpSeconds, double seconds, List<? extends IntSupplier> lanes) {
        long intervalNanos = (long) (1e9 / perSecond);
        long warmUp = (long) (perSecond * warmUpSeconds);
        long count = warmUp + (long) (perSecond * seconds);
        int laneCount = lanes.size();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime() + 50_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            int first = lane;
            IntSupplier call = lanes.get(lane);
            threads.add(Thread.ofPlatform().name("fixed-rate-" + lane).start(() -> {
                long[] mine = new long[(int) (count / laneCount) + 1];
                int n = 0;
                for (long i = first; i < count; i += laneCount) {
                    long due = start + i * intervalNanos;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    int status = call.getAsInt();
                    if (i >= warmUp) {
                        mine[n++] = (System.nanoTime() - due) / 1000;
                        if (status / 100 != 2) {
                            failures.incrementAndGet();
                        }
                    }
                }
                latencies.add(Arrays.copyOf(mine, n));
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return result(latencies, failures.get(), (System.nanoTime() - start) / 1e9 - warmUpSeconds);
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
