package io.ringbridge.platform.db;

/**
 * Receives a channel's notifications on this instance. Both methods run on the publisher's thread (this instance's
 * own changes, right after their commit) or on the instance's listening thread (other instances' changes): they
 * should be short, and hand longer work to a thread of their own.
 *
 * @param <T> the channel's payload
 */
public interface NotificationListener<T> {

    /** Something named by {@code payload} changed, and the change is committed. */
    void notified(T payload);

    /**
     * Notifications may have been missed (the listening connection was lost, or one was dropped): re-read whatever
     * this listener keeps from the database. Called after every reconnection and periodically on a shared database.
     */
    void catchUp();
}
