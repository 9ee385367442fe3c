package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.ringbridge.testsupport.EmbeddedPostgresServer;
import io.ringbridge.testsupport.GatewayProcess;
import io.ringbridge.testsupport.ScratchDirectories;
import io.ringbridge.testsupport.TestGateway;

/**
 * Two instances starting together on a new PostgreSQL database bootstrap one tenant, not two. Separate processes,
 * as in a real deployment (two Spring applications starting at once in one JVM would share its logging setup).
 */
class ClusterBootstrapTest {

    @Test
    void instancesStartingTogetherOnANewDatabaseBootstrapOnce() throws Exception {
        String url = EmbeddedPostgresServer.newDatabase();
        List<GatewayProcess> started = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
            List<Future<GatewayProcess>> starting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String dataDir = ScratchDirectories.create("bootstrap-").toString();
                // Instances sharing a database share their encryption keys, as a deployment configures them.
                starting.add(executor.submit(() -> GatewayProcess.start(Map.of("database.url", url,
                        "ringbridge.data-dir", dataDir, "ringbridge.admin-key", TestGateway.ADMIN_KEY,
                        "ringbridge.encryption-keys", "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32])))));
            }
            for (Future<GatewayProcess> gateway : starting) {
                started.add(gateway.get());
            }
            try (Connection connection = DriverManager.getConnection(url)) {
                assertThat(count(connection, "tenant")).isEqualTo(1);
                assertThat(count(connection, "app")).isEqualTo(1);
                assertThat(count(connection, "bootstrap")).isEqualTo(1);
            }
            long keysPrinted = started.stream().filter(g -> g.output().matches("(?s).*API key \\(shown once.*")).count();
            assertThat(keysPrinted).as("exactly one instance printed the key").isEqualTo(1);
        } finally {
            started.forEach(GatewayProcess::close);
        }
    }

    private static long count(Connection connection, String table) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
