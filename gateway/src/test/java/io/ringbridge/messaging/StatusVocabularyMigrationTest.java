package io.ringbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ringbridge.platform.db.DatabaseUrl;
import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EmbeddedPostgresServer;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.ScratchDirectories;

/**
 * Migration 3.5 on a database that holds messages of the old vocabulary, where receipts were statuses: each ends with
 * a Gravity status and the receipt in {@code delivery_status}, and the old statuses can no longer be written.
 */
@EveryDatabase
class StatusVocabularyMigrationTest {

    static final String TENANT = "tenant_0123456789abcdef";
    static final Instant CREATED = Instant.parse("2026-11-30T10:00:00Z");
    static final Instant SENT = CREATED.plusSeconds(2);
    static final Instant DELIVERED = CREATED.plusSeconds(5);

    @Parameter
    Database database;

    HikariDataSource dataSource;
    JdbcClient jdbc;

    @BeforeEach
    void databaseAtVersion34() {
        dataSource = new HikariDataSource();
        if (database == Database.H2) {
            DatabaseUrl h2 = DatabaseUrl.resolve(null, ScratchDirectories.create("migration-"));
            dataSource.setJdbcUrl(h2.jdbcUrl());
            dataSource.setUsername(h2.username());
            dataSource.setPassword(h2.password());
        } else {
            dataSource.setJdbcUrl(EmbeddedPostgresServer.newDatabase());
        }
        jdbc = JdbcClient.create(dataSource);
        assertThat(flyway("3.4").migrate().targetSchemaVersion).isEqualTo("3.4");
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void receiptsBecomeDeliveryStatusAndStatusKeepsGravitysValues() {
        insert("msg_000000000001", "outbound", "delivered", SENT, DELIVERED, null);
        insert("msg_000000000002", "outbound", "undelivered", SENT, null, "Not delivered to the recipient (SMS-CAR-411)");
        // RingCentral could not send it after all: the old receipt moved a sent message to failed.
        insert("msg_000000000003", "outbound", "failed", SENT, null, "RingCentral could not send the message (SMS-RC-500)");
        insert("msg_000000000004", "outbound", "failed", null, null, "RingCentral not connected for this tenant");
        insert("msg_000000000005", "outbound", "sent", SENT, null, null);
        insert("msg_000000000006", "outbound", "queued", null, null, null);
        insert("msg_000000000007", "inbound", "received", null, null, null);

        flyway(null).migrate();

        Map<String, String> expected = Map.of(
                "msg_000000000001", "sent/delivered",
                "msg_000000000002", "sent/undelivered",
                "msg_000000000003", "sent/undelivered",
                "msg_000000000004", "failed/null",
                "msg_000000000005", "sent/pending",
                "msg_000000000006", "queued/null",
                "msg_000000000007", "received/null");
        Map<String, String> migrated = new HashMap<>();
        jdbc.sql("SELECT id, status, delivery_status FROM message").query(rs -> {
            migrated.put(rs.getString("id"), rs.getString("status") + "/" + rs.getString("delivery_status"));
        });
        assertThat(migrated).isEqualTo(expected);

        // As the API shows them: the receipt's time and error are kept.
        MessageHistory history = new MessageHistory(jdbc);
        Message delivered = history.find(TENANT, "msg_000000000001").orElseThrow();
        assertThat(delivered.status()).isEqualTo(MessageStatus.SENT);
        assertThat(delivered.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.deliveredAt()).isEqualTo(DELIVERED);
        Message unsent = history.find(TENANT, "msg_000000000003").orElseThrow();
        assertThat(unsent.deliveryStatus()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(unsent.error()).isEqualTo("RingCentral could not send the message (SMS-RC-500)");
        assertThat(history.page(TENANT, new HistoryQuery(null, null, DeliveryStatus.UNDELIVERED, null, null, null, null,
                null, null), 10)).extracting(Message::id).containsExactly("msg_000000000003", "msg_000000000002");

        // The old statuses, and delivery statuses that do not exist, can no longer be written.
        assertThatThrownBy(() -> insert("msg_000000000008", "outbound", "delivered", SENT, DELIVERED, null))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE message SET delivery_status = 'read' WHERE id = 'msg_000000000001'")
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    /** A row as the gateway before 3.5 wrote it, created {@link #CREATED} plus a second per id. */
    private void insert(String id, String direction, String status, Instant sentAt, Instant deliveredAt, String error) {
        Instant created = CREATED.plusSeconds(Long.parseLong(id.substring(4), 16));
        jdbc.sql("""
                        INSERT INTO message (id, tenant_id, app_id, direction, status, from_number, to_number, body, segments,
                                             extension_id, rc_message_id, error, next_attempt_at, created_at, updated_at,
                                             sent_at, delivered_at)
                        VALUES (:id, :tenant, :app, :direction, :status, '+16505550101', '+14155550100', 'Hello', 1,
                                :extension, :rc, :error, :created, :created, :created, :sent, :delivered)
                        """)
                .param("id", id).param("tenant", TENANT)
                .param("app", direction.equals("outbound") ? "app_0123456789abcdef" : null, java.sql.Types.VARCHAR)
                .param("direction", direction).param("status", status)
                .param("extension", sentAt == null ? null : "101", java.sql.Types.VARCHAR)
                .param("rc", sentAt == null ? null : "rc-" + id, java.sql.Types.VARCHAR)
                .param("error", error, java.sql.Types.VARCHAR).param("created", Timestamps.toDb(created))
                .param("sent", Timestamps.toDb(sentAt)).param("delivered", Timestamps.toDb(deliveredAt))
                .update();
    }
}
