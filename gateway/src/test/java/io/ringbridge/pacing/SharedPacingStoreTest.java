package io.ringbridge.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.db.SoftStateDatabase;
import io.ringbridge.ringcentral.RateLimitGroup;
import io.ringbridge.testsupport.EmbeddedPostgresServer;

/** Two instances' stores on one PostgreSQL database share each extension's window. */
class SharedPacingStoreTest {

    static final PacingKey EXTENSION = new PacingKey("tn_1", "101", RateLimitGroup.MEDIUM);
    static final long NOW = 1_800_000_000_000L;
    static final int LIMIT = 40;

    HikariDataSource dataSource;
    SharedPacingStore one;
    SharedPacingStore other;

    @BeforeEach
    void twoInstances() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgresServer.newDatabase());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE pacing_window (pacing_key VARCHAR(80) PRIMARY KEY, state VARCHAR(4000) NOT NULL)").update();
        SoftStateDatabase.Shared shared = new SoftStateDatabase.Shared(jdbc,
                new TransactionTemplate(new JdbcTransactionManager(dataSource)));
        one = new SharedPacingStore(shared, new WindowJson(0));
        other = new SharedPacingStore(shared, new WindowJson(0));
        // RingCentral said nobody else is at work: the whole window may go at once.
        one.update(EXTENSION, window -> {
            window.observe(-1, NOW, LIMIT, 60_000L, LIMIT);
            return null;
        });
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void reservationsArrivingTogetherOnTwoInstancesNeverTakeMoreThanTheWindow() throws Exception {
        List<Future<Integer>> granted = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                SharedPacingStore store = i % 2 == 0 ? one : other;
                granted.add(callers.submit(() -> reserve(store, 1)));
            }
        }
        int total = 0;
        for (Future<Integer> slots : granted) {
            total += slots.get();
        }

        assertThat(total).isEqualTo(LIMIT);
    }

    @Test
    void aReportedOutcomeGoesWithTheNextChangeOfItsInstanceAndReachesTheOthersWithinTheLinger() throws Exception {
        assertThat(reserve(one, LIMIT)).isEqualTo(LIMIT);

        one.report(EXTENSION, window -> window.release(NOW, 1));
        assertThat(reserve(one, LIMIT)).as("applied before the reservation")
                .isEqualTo(1);

        one.report(EXTENSION, window -> window.release(NOW, 1));
        Thread.sleep(SharedPacingStore.LINGER.plus(Duration.ofMillis(400)));
        assertThat(reserve(other, LIMIT)).as("written within the linger")
                .isEqualTo(1);
    }

    private static int reserve(SharedPacingStore store, int wanted) {
        return store.update(EXTENSION, window -> window.reserve(NOW, wanted));
    }
}
