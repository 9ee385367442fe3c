package io.ringbridge.simulator.sms;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Moves accepted outbound messages through Queued → Sent → Delivered / DeliveryFailed (or straight to
 * SendingFailed) on a timer, by the delivery rules, and tells the listener at each step.
 */
public final class DeliverySimulator implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rc-sim-delivery");
        t.setDaemon(true);
        // not the caller's (possibly a web app's) class loader: the timer outlives requests
        t.setContextClassLoader(DeliverySimulator.class.getClassLoader());
        return t;
    });
    private volatile DeliverySettings settings;
    private volatile MessageListener listener = MessageListener.NONE;

    public DeliverySimulator(DeliverySettings settings) {
        this.settings = settings;
    }

    public DeliverySettings settings() {
        return settings;
    }

    public void settings(DeliverySettings next) {
        this.settings = next;
    }

    public void listener(MessageListener next) {
        this.listener = next;
    }

    MessageListener listener() {
        return listener;
    }

    void start(StoredMessage message) {
        DeliverySettings s = settings;
        DeliveryRule rule = s.ruleFor(message.to.getFirst());
        DeliveryOutcome outcome = rule == null ? DeliveryOutcome.DELIVERED : rule.outcome();
        String code = rule == null ? null : rule.errorCode();
        long sentMs = s.sentAfter().toMillis();
        if (outcome == DeliveryOutcome.SENDING_FAILED) {
            timer.schedule(() -> move(message, "SendingFailed", code), sentMs, TimeUnit.MILLISECONDS);
            return;
        }
        long finalMs = sentMs + s.finalAfter().toMillis();
        timer.schedule(() -> move(message, "Sent", null), sentMs, TimeUnit.MILLISECONDS);
        timer.schedule(() -> move(message, outcome == DeliveryOutcome.DELIVERED ? "Delivered" : "DeliveryFailed",
                code), finalMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Picks up a restored message where its timeline stopped: a {@code Queued} one starts over, a {@code Sent}
     * one reaches its final status after the usual delay; others are final already.
     */
    public void resume(StoredMessage message) {
        if (!"Outbound".equals(message.direction)) {
            return;
        }
        switch (message.status) {
            case "Queued" -> start(message);
            case "Sent" -> {
                DeliverySettings s = settings;
                DeliveryRule rule = s.ruleFor(message.to.getFirst());
                boolean delivered = rule == null || rule.outcome() == DeliveryOutcome.DELIVERED;
                timer.schedule(() -> move(message, delivered ? "Delivered" : "DeliveryFailed",
                        rule == null ? null : rule.errorCode()), s.finalAfter().toMillis(), TimeUnit.MILLISECONDS);
            }
            default -> {
                // Delivered, DeliveryFailed or SendingFailed: nothing left to do
            }
        }
    }

    private void move(StoredMessage message, String status, String errorCode) {
        message.update(status, errorCode);
        try {
            listener.updated(message);
        } catch (RuntimeException ignored) {
            // notification problems never stop the delivery timeline
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
