package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/** {@code /health} answers 503, quickly, when the database is gone (PostgreSQL: a server that can stop). */
class HealthDownTest {

    @Test
    void healthIs503WhenTheDatabaseIsDown() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        TestGateway gateway = TestGateway.on(Database.POSTGRES)
                .databaseUrl(postgres.getJdbcUrl("postgres", "postgres")).start();
        try {
            assertThat(gateway.api().get("/health", null).status()).isEqualTo(200);

            postgres.close();
            long started = System.nanoTime();
            Response down = gateway.api().get("/health", null);
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(down.status()).isEqualTo(503);
            assertThat(down.text("status")).isEqualTo("down");
            assertThat(tookMs).as("bounded by the check's own short timeouts").isLessThan(3_000);
        } finally {
            gateway.close();
        }
    }
}
