package io.ringbridge.simulator.sms;

/** Told about message-store changes (the subscription side turns them into notifications). */
public interface MessageListener {
    /** A message was added to an extension's store (outbound accepted or inbound received). */
    void created(StoredMessage message);

    /** An outbound message changed status. */
    void updated(StoredMessage message);

    MessageListener NONE = new MessageListener() {
        @Override
        public void created(StoredMessage message) {
        }

        @Override
        public void updated(StoredMessage message) {
        }
    };
}
