package io.ringbridge.platform.db;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance that something changed, once the change is committed: the way a cached copy is dropped, or
 * waiting work is woken, on all instances at once. The database stays the truth; a notification only says where
 * to look again.
 *
 * <p>This instance's listeners hear its own changes right after the commit, on the committing thread, so the next
 * request it serves already sees them. On PostgreSQL, {@code pg_notify} in the same transaction reaches the other
 * instances, each listening on one dedicated connection ({@link PostgresListener}); a notification can be lost with
 * that connection, so each listener also catches up after every reconnection and every
 * {@code ringbridge.notifications.catch-up-interval}. On H2 there is only this instance.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    /** PostgreSQL refuses payloads of 8000 bytes and more. */
    private static final int MAX_PAYLOAD = 2_000;

    private record Subscription<T>(NotificationChannel<T> channel, NotificationListener<T> listener) {
        void deliver(String text) {
            listener.notified(channel.read().apply(text));
        }
    }

    private final JdbcClient jdbc;
    private final DatabaseKind kind;
    private final DatabaseUrl url;
    private final NotificationProperties properties;
    /** Marks this instance's own notifications, which its listeners have heard already. */
    private final String instance = UUID.randomUUID().toString().replace("-", "");
    private final Map<String, List<Subscription<?>>> subscriptions = new ConcurrentHashMap<>();
    private volatile PostgresListener listening;

    DatabaseNotifications(JdbcClient jdbc, DatabaseKind kind, DatabaseUrl url, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.url = url;
        this.properties = properties;
    }

    /**
     * Announces {@code payload} on {@code channel} to every instance, this one included, when the caller's
     * transaction commits (at once without one); a rolled-back change announces nothing.
     */
    public <T> void publish(NotificationChannel<T> channel, T payload) {
        String text = channel.write().apply(payload);
        if (text.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A notification payload is at most " + MAX_PAYLOAD + " characters");
        }
        if (kind.shared()) {
            jdbc.sql("SELECT pg_notify(:channel, :payload)")
                    .param("channel", channel.name()).param("payload", instance + ":" + text)
                    .query((rs, row) -> 1).list();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(channel.name(), text);
                }
            });
        } else {
            deliver(channel.name(), text);
        }
    }

    /** {@code listener} hears every later notification on {@code channel}, from every instance. */
    public <T> void subscribe(NotificationChannel<T> channel, NotificationListener<T> listener) {
        subscriptions.computeIfAbsent(channel.name(), name -> new CopyOnWriteArrayList<>())
                .add(new Subscription<>(channel, listener));
    }

    Set<String> channels() {
        return Set.copyOf(subscriptions.keySet());
    }

    /** A notification {@link PostgresListener} received: this instance's own were delivered at their commit. */
    void received(String channel, String envelope) {
        int colon = envelope.indexOf(':');
        if (colon < 0 || envelope.substring(0, colon).equals(instance)) {
            return;
        }
        deliver(channel, envelope.substring(colon + 1));
    }

    void catchUp() {
        subscriptions.values().forEach(list -> list.forEach(subscription -> {
            try {
                subscription.listener().catchUp();
            } catch (RuntimeException e) {
                log.error("Catching up on channel {} failed; the next catch-up tries again", subscription.channel().name(), e);
            }
        }));
    }

    private void deliver(String channel, String text) {
        for (Subscription<?> subscription : subscriptions.getOrDefault(channel, List.of())) {
            try {
                subscription.deliver(text);
            } catch (RuntimeException e) {
                // The change is committed; a listener that failed to hear it catches up with the next catch-up.
                log.error("A listener of channel {} failed", channel, e);
            }
        }
    }

    @Override
    public void start() {
        if (kind.shared()) {
            listening = PostgresListener.start(this, url, properties);
        }
    }

    @Override
    public void stop() {
        PostgresListener current = listening;
        listening = null;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }

    /** Listening before the workers start, so none of their changes go unheard; stopped after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
