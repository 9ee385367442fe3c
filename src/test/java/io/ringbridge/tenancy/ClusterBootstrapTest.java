package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EmbeddedPostgresServer;
import io.ringbridge.testsupport.TestGateway;

/** Two instances starting together on a new PostgreSQL database bootstrap one tenant, not two. */
class ClusterBootstrapTest {

    @Test
    void instancesStartingTogetherOnANewDatabaseBootstrapOnce() throws Exception {
        String url = EmbeddedPostgresServer.newDatabase();
        List<TestGateway> started = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
            List<Future<TestGateway>> starting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starting.add(executor.submit(() -> TestGateway.on(Database.POSTGRES).databaseUrl(url).start()));
            }
            for (Future<TestGateway> gateway : starting) {
                started.add(gateway.get());
            }
            var jdbc = started.getFirst().jdbc();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM tenant").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM app").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM bootstrap").query(Long.class).single()).isEqualTo(1);
        } finally {
            started.forEach(TestGateway::close);
        }
    }
}
