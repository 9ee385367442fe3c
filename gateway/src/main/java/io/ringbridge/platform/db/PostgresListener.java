package io.ringbridge.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection of an instance that LISTENs for the channels its listeners subscribed to, outside the pool
 * (a pooled connection would be handed to others). When it is lost, it is opened again after
 * {@code reconnect-delay}, and every listener catches up on what it may have missed meanwhile.
 */
final class PostgresListener {

    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);
    /** The longest one wait for notifications lasts: how soon a stop or a new subscription is noticed. */
    private static final int WAIT_MS = 500;

    private final DatabaseNotifications notifications;
    private final DatabaseUrl url;
    private final NotificationProperties properties;
    private volatile boolean running = true;
    /** A lost connection is logged once, not at every failed attempt to listen again. */
    private boolean lost;
    private Thread thread;

    private PostgresListener(DatabaseNotifications notifications, DatabaseUrl url, NotificationProperties properties) {
        this.notifications = notifications;
        this.url = url;
        this.properties = properties;
    }

    static PostgresListener start(DatabaseNotifications notifications, DatabaseUrl url, NotificationProperties properties) {
        PostgresListener listener = new PostgresListener(notifications, url, properties);
        listener.thread = Thread.ofPlatform().daemon().name("db-notifications").start(listener::run);
        return listener;
    }

    void stop() {
        running = false;
        try {
            thread.join(2 * WAIT_MS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = connect()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    if (!lost) {
                        log.warn("Lost the database connection listening for other instances' notifications ({}); "
                                + "trying again every {}", e.getMessage(), properties.reconnectDelay());
                    }
                    lost = true;
                    pause();
                }
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        Set<String> channels = new HashSet<>();
        listenTo(connection, channels);
        if (lost) {
            lost = false;
            log.info("Listening for other instances' notifications again");
        }
        // Whatever changed while this instance was not listening went unheard.
        notifications.catchUp();
        PGConnection notified = connection.unwrap(PGConnection.class);
        long interval = properties.catchUpInterval().toMillis();
        long nextCatchUp = System.currentTimeMillis() + interval;
        while (running) {
            listenTo(connection, channels); // channels subscribed to since
            long wait = Math.clamp(nextCatchUp - System.currentTimeMillis(), 1, WAIT_MS);
            PGNotification[] received = notified.getNotifications((int) wait);
            if (received != null) {
                for (PGNotification notification : received) {
                    notifications.received(notification.getName(), notification.getParameter());
                }
            }
            if (System.currentTimeMillis() >= nextCatchUp) {
                // Also proves the connection alive: a dead one fails here and is opened again.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                notifications.catchUp();
                nextCatchUp = System.currentTimeMillis() + interval;
            }
        }
    }

    private void listenTo(Connection connection, Set<String> channels) throws SQLException {
        for (String channel : notifications.channels()) {
            if (channels.add(channel)) {
                try (Statement statement = connection.createStatement()) {
                    // Channel names are checked by NotificationChannel: [a-z][a-z0-9_]*.
                    statement.execute("LISTEN " + channel);
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties info = new Properties();
        if (url.username() != null) {
            info.setProperty("user", url.username());
        }
        if (url.password() != null) {
            info.setProperty("password", url.password());
        }
        info.setProperty("ApplicationName", "ringbridge-notifications");
        info.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), info);
        connection.setAutoCommit(true);
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(properties.reconnectDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
