package io.ringbridge.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.testsupport.EmbeddedPostgresServer;

/**
 * Notifications between instances on one PostgreSQL database, and within the single instance on H2: heard after
 * the commit and never for a rolled-back change; one lost with the listening connection is made up for by catching
 * up, after the reconnection and periodically.
 */
class DatabaseNotificationsTest {

    private static final NotificationChannel<String> SETTINGS = NotificationChannel.ofStrings("test_setting");
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private final List<Instance> started = new ArrayList<>();

    /** What an instance keeps of the {@code setting} table: re-read when notified and when catching up. */
    static final class Mirror implements NotificationListener<String> {
        final JdbcClient jdbc;
        final AtomicInteger notified = new AtomicInteger();
        final AtomicInteger catchUps = new AtomicInteger();
        volatile String value;

        Mirror(JdbcClient jdbc) {
            this.jdbc = jdbc;
            value = read();
        }

        @Override
        public void notified(String name) {
            notified.incrementAndGet();
            value = read();
        }

        @Override
        public void catchUp() {
            catchUps.incrementAndGet();
            value = read();
        }

        private String read() {
            return jdbc.sql("SELECT setting_value FROM setting WHERE name = 'colour'").query(String.class).single();
        }
    }

    /** One gateway instance's share of it: its pool, its notifications, a mirror subscribed to them. */
    record Instance(JdbcClient jdbc, TransactionTemplate transactions, DatabaseNotifications notifications, Mirror mirror) {

        static Instance on(DatabaseUrl url, NotificationProperties properties) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(url.jdbcUrl(),
                    url.username() == null ? "" : url.username(), url.password() == null ? "" : url.password());
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("CREATE TABLE IF NOT EXISTS setting (name VARCHAR(20) PRIMARY KEY, setting_value VARCHAR(20))").update();
            jdbc.sql("INSERT INTO setting (name, setting_value) SELECT 'colour', 'red' WHERE NOT EXISTS (SELECT 1 FROM setting)")
                    .update();
            DatabaseNotifications notifications = new DatabaseNotifications(jdbc, url.kind(), url, properties);
            Mirror mirror = new Mirror(jdbc);
            notifications.subscribe(SETTINGS, mirror);
            return new Instance(jdbc, new TransactionTemplate(new JdbcTransactionManager(dataSource)), notifications, mirror);
        }

        /** Changes the setting and announces it in one transaction, rolled back when asked. */
        void change(String value, boolean rollBack, Runnable beforeCommit) {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("UPDATE setting SET setting_value = :value WHERE name = 'colour'").param("value", value).update();
                notifications.publish(SETTINGS, "colour");
                beforeCommit.run();
                if (rollBack) {
                    tx.setRollbackOnly();
                }
            });
        }
    }

    @AfterEach
    void stop() {
        started.forEach(instance -> instance.notifications().stop());
    }

    @Test
    void everyInstanceHearsACommittedChangeOnceAndNothingOfARolledBackOne() {
        DatabaseUrl url = postgres();
        Instance a = start(url, new NotificationProperties(ONE_HOUR, Duration.ofSeconds(1)));
        Instance b = start(url, new NotificationProperties(ONE_HOUR, Duration.ofSeconds(1)));
        awaitListening(a, 2);

        a.change("blue", false, () -> {
            sleep(300);
            assertThat(b.mirror().notified.get()).as("nothing is heard before the commit").isZero();
            assertThat(a.mirror().notified.get()).isZero();
        });

        assertThat(a.mirror().value).as("the publishing instance hears it before publish returns").isEqualTo("blue");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "blue".equals(b.mirror().value));
        assertThat(b.mirror().notified.get()).isEqualTo(1);

        a.change("green", true, () -> { });
        sleep(500);
        assertThat(a.mirror().notified.get()).as("its own notification is not heard a second time").isEqualTo(1);
        assertThat(b.mirror().notified.get()).as("a rolled-back change announces nothing").isEqualTo(1);
        assertThat(b.mirror().value).isEqualTo("blue");
    }

    @Test
    void notificationsPublishedWhileTheListeningConnectionIsDownAreCaughtUpOnReconnection() {
        DatabaseUrl url = postgres();
        Instance a = Instance.on(url, new NotificationProperties(ONE_HOUR, Duration.ofSeconds(1)));
        Instance b = start(url, new NotificationProperties(ONE_HOUR, Duration.ofSeconds(3)));
        awaitListening(b, 1);
        int catchUps = b.mirror().catchUps.get();

        // The database drops B's listening connection (a restart, a failover, an idle timeout on the way).
        b.jdbc().sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = 'ringbridge-notifications'").query(Boolean.class).list();
        awaitListening(b, 0);
        a.change("yellow", false, () -> { });

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "yellow".equals(b.mirror().value));
        assertThat(b.mirror().notified.get()).as("the notification itself was lost").isZero();
        assertThat(b.mirror().catchUps.get()).as("caught up after listening again").isGreaterThan(catchUps);
        awaitListening(b, 1);

        a.change("purple", false, () -> { });
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "purple".equals(b.mirror().value));
        assertThat(b.mirror().notified.get()).as("notifications are heard again").isEqualTo(1);
    }

    @Test
    void listenersCatchUpPeriodicallyWithAChangeNobodyAnnounced() {
        DatabaseUrl url = postgres();
        Instance b = start(url, new NotificationProperties(Duration.ofMillis(500), Duration.ofSeconds(1)));
        awaitListening(b, 1);

        // Written behind the gateways' back: only the periodic catch-up can find it.
        b.jdbc().sql("UPDATE setting SET setting_value = 'black' WHERE name = 'colour'").update();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "black".equals(b.mirror().value));
        assertThat(b.mirror().notified.get()).isZero();
        assertThat(b.mirror().catchUps.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onH2TheOneInstanceHearsItsCommittedChangesAndNeedsNoCatchingUp() throws Exception {
        DatabaseUrl url = DatabaseUrl.resolve(null, Files.createTempDirectory("notifications-h2-"));
        Instance only = start(url, new NotificationProperties(Duration.ofMillis(100), Duration.ofSeconds(1)));

        only.change("blue", false, () -> assertThat(only.mirror().notified.get()).isZero());
        assertThat(only.mirror().value).isEqualTo("blue");
        only.change("green", true, () -> { });
        // Outside a transaction, a publish is heard at once.
        only.notifications().publish(SETTINGS, "colour");

        assertThat(only.mirror().notified.get()).isEqualTo(2);
        assertThat(only.mirror().value).isEqualTo("blue");
        sleep(300);
        assertThat(only.mirror().catchUps.get()).as("nothing can be missed within one process").isZero();
    }

    @Test
    void channelNamesAreSafeAsPostgresIdentifiersAndPayloadsAreSmall() {
        assertThatThrownBy(() -> NotificationChannel.ofStrings("Tenant-Changed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationChannel.ofStrings("x; DROP TABLE tenant")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NotificationChannel.ofStrings("tenant_changed").name()).isEqualTo("tenant_changed");
        DatabaseNotifications notifications = new DatabaseNotifications(null, DatabaseKind.H2, null,
                new NotificationProperties(ONE_HOUR, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> notifications.publish(SETTINGS, "x".repeat(2_001))).isInstanceOf(IllegalArgumentException.class);
    }

    private Instance start(DatabaseUrl url, NotificationProperties properties) {
        Instance instance = Instance.on(url, properties);
        instance.notifications().start();
        started.add(instance);
        return instance;
    }

    private static DatabaseUrl postgres() {
        return DatabaseUrl.resolve(EmbeddedPostgresServer.newDatabase(), Path.of("unused"));
    }

    /** Waits until the database holds {@code connections} listening connections. */
    private static void awaitListening(Instance any, int connections) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> any.jdbc().sql("""
                SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()
                AND application_name = 'ringbridge-notifications' AND query LIKE 'LISTEN%'
                """).query(Long.class).single() == connections);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
