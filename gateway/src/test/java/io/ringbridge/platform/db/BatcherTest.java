package io.ringbridge.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BatcherTest {

    @Test
    void callersArrivingWhileABatchIsInFlightShareTheNextOneAndEachGetsItsOwnAnswer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
        Batcher<Integer, String> batcher = new Batcher<>(64, items -> {
            calls.incrementAndGet();
            sizes.add(items.size());
            sleep(20); // a round trip
            return items.stream().map(i -> "answer " + i).toList();
        });

        Map<Integer, String> answers = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                int item = i;
                callers.submit(() -> {
                    start.await();
                    answers.put(item, batcher.submit(item));
                    return null;
                });
            }
            start.countDown();
        }

        assertThat(answers).hasSize(200);
        answers.forEach((item, answer) -> assertThat(answer).isEqualTo("answer " + item));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 64));
        assertThat(calls.get()).as("batches for 200 callers").isLessThan(50);
    }

    @Test
    void aFailingBatchIsRetriedOneByOneSoOnlyTheBadItemsCallerFails() throws Exception {
        Batcher<Integer, Integer> batcher = new Batcher<>(64, items -> {
            sleep(10);
            if (items.contains(13)) {
                throw new IllegalArgumentException("13 is refused");
            }
            return items;
        });

        List<Future<Integer>> results = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                int item = i;
                results.add(callers.submit(() -> {
                    start.await();
                    return batcher.submit(item);
                }));
            }
            start.countDown();
        }

        for (int i = 0; i < 40; i++) {
            Future<Integer> result = results.get(i);
            if (i == 13) {
                assertThatThrownBy(result::get).hasCauseInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("13 is refused");
            } else {
                assertThat(result.get()).isEqualTo(i);
            }
        }
    }

    @Test
    void aLoneCallerIsAnsweredAndTheBatcherKeepsWorkingAfterwards() {
        Batcher<String, Integer> batcher = new Batcher<>(8, items -> items.stream().map(String::length).toList());

        assertThat(batcher.submit("one")).isEqualTo(3);
        assertThat(batcher.submit("three")).isEqualTo(5);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
