/**
 * The database: H2 or PostgreSQL from {@code DATABASE_URL}, instants in and out of columns ({@code Timestamps}),
 * group commits for many small writes ({@code Batcher}, {@code GroupCommittedInsert}), the asynchronously
 * committing pool for state that may lose its last milliseconds ({@code SoftStateDatabase}), and notifications
 * between instances ({@code DatabaseNotifications}).
 *
 * <p>A notification says "this changed, look again" to every instance once the change commits: a module declares a
 * {@code NotificationChannel} (a name and how its payload, typically an id, is written), publishes on it in the
 * transaction of the change, and subscribes a {@code NotificationListener} on every instance. The publishing
 * instance hears it on the committing thread, right after the commit; on PostgreSQL the others hear it through
 * {@code pg_notify}, sent by the same transaction (so a rolled-back change announces nothing), and one LISTEN
 * connection per instance. Notifications are hints, never the truth: one can be lost with that connection, so every
 * listener also {@code catchUp}s (re-reads what it keeps) after each reconnection and every
 * {@code ringbridge.notifications.catch-up-interval}. Used for tenant changes (caches dropped on every instance, a
 * suspended tenant's queued messages failed); wake-ups of queues and the event outbox fit the same shape.
 */
@NamedInterface("db")
package io.ringbridge.platform.db;

import org.springframework.modulith.NamedInterface;
