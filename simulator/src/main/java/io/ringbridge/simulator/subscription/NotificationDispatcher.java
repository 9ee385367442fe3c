package io.ringbridge.simulator.subscription;

import io.ringbridge.simulator.http.Json;
import io.ringbridge.simulator.http.Times;
import io.ringbridge.simulator.sms.MessageJson;
import io.ringbridge.simulator.sms.MessageListener;
import io.ringbridge.simulator.sms.StoredMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Turns message-store changes into webhook notifications and POSTs them on virtual threads, never on the
 * thread of the request that caused them. Failed deliveries (non-2xx, timeout, I/O) are not retried; a run
 * of failures longer than the blacklist period blacklists the subscription, silently, as RingCentral does.
 */
public final class NotificationDispatcher implements MessageListener, AutoCloseable {
    private final SubscriptionStore store;
    private final Supplier<SubscriptionSettings> settings;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final AtomicLong uuidSequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));
    /** Bounds open connections to receivers; waiting deliveries park their (virtual) thread cheaply. */
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(256);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    NotificationDispatcher(SubscriptionStore store, Supplier<SubscriptionSettings> settings) {
        this.store = store;
        this.settings = settings;
        // HTTP/1.1 like RingCentral's webhook sender (no h2c upgrade headers towards the receiver)
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void created(StoredMessage message) {
        List<Subscription> subscriptions = store.watching(message.extensionId());
        for (Subscription s : subscriptions) {
            for (EventFilter f : s.filters) {
                if (f.kind() == EventFilter.Kind.INSTANT_MESSAGE && "Inbound".equals(message.direction())
                        && f.accepts(message.extensionId(), message.direction())) {
                    send(s, f, MessageJson.instantEventBody(message));
                } else if (f.kind() == EventFilter.Kind.MESSAGE_STORE
                        && f.accepts(message.extensionId(), message.direction())) {
                    send(s, f, changes(message, 1, 0));
                }
            }
        }
    }

    @Override
    public void updated(StoredMessage message) {
        for (Subscription s : store.watching(message.extensionId())) {
            for (EventFilter f : s.filters) {
                if (f.kind() == EventFilter.Kind.MESSAGE_STORE
                        && f.accepts(message.extensionId(), message.direction())) {
                    send(s, f, changes(message, 0, 1));
                }
            }
        }
    }

    /**
     * Sends expiry reminders for subscriptions with a {@code /subscription/~?threshold=&interval=} filter: once
     * the remaining lifetime is within the threshold, then every interval until renewed or expired.
     */
    void remind(List<Subscription> subscriptions) {
        long now = System.currentTimeMillis();
        for (Subscription s : subscriptions) {
            for (EventFilter f : s.filters) {
                if (f.kind() != EventFilter.Kind.SUBSCRIPTION_REMINDER || s.blacklisted) {
                    continue;
                }
                long remaining = s.expiresAtMillis - now;
                boolean due = remaining <= f.threshold() * 1000
                        && (s.lastReminderMillis == 0 || now - s.lastReminderMillis >= f.interval() * 1000);
                if (due) {
                    s.lastReminderMillis = now;
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("id", s.id);
                    body.put("expirationTime", Times.iso(s.expiresAtMillis));
                    body.put("expiresIn", Math.max(0, remaining / 1000));
                    body.put("status", "Active");
                    send(s, f, body);
                }
            }
        }
    }

    /** The message-store change-counter body ({@code MessageEventBody}). */
    private static Map<String, Object> changes(StoredMessage message, int newCount, int updatedCount) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("type", "SMS");
        change.put("newCount", newCount);
        change.put("updatedCount", updatedCount);
        if (newCount > 0) {
            change.put("newMessageIds", List.of(message.id()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", Long.toString(message.accountId()));
        body.put("extensionId", Long.toString(message.extensionId()));
        body.put("lastUpdated", Times.iso(System.currentTimeMillis()));
        body.put("changes", List.of(change));
        body.put("ownerId", Long.toString(message.extensionId()));
        return body;
    }

    private void send(Subscription s, EventFilter filter, Map<String, Object> body) {
        if (s.blacklisted) {
            return;
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("uuid", Long.toUnsignedString(uuidSequence.incrementAndGet() * 7919 + 6_242_343_638_330_000_000L));
        envelope.put("event", filter.text());
        envelope.put("timestamp", Times.iso(System.currentTimeMillis()));
        envelope.put("subscriptionId", s.id);
        envelope.put("ownerId", Long.toString(s.extensionId));
        envelope.put("body", body);
        byte[] json = Json.MAPPER.writeValueAsBytes(envelope);
        executor.execute(() -> deliver(s, json));
    }

    private void deliver(Subscription s, byte[] json) {
        if (s.blacklisted || s.expired(System.currentTimeMillis())) {
            return;
        }
        SubscriptionSettings current = settings.get();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.address))
                .timeout(current.deliveryTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("User-Agent", "RingCentral-Webhook/8.3")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (s.verificationToken != null) {
            request.header("Verification-Token", s.verificationToken);
        }
        String failure = null;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            if (code < 200 || code > 299) {
                failure = "Webhook responses with code: [" + code + "], reason: [" + reason(code) + "]";
            }
        } catch (HttpTimeoutException e) {
            failure = "I/O operation is failed. Details: [Read timed out]";
        } catch (IOException e) {
            failure = "I/O operation is failed. Details: [" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "]";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            failure = "I/O operation is failed. Details: [" + e.getMessage() + "]";
        } finally {
            inFlight.release();
        }
        if (failure == null) {
            delivered.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
        s.recordDelivery(failure == null, failure, current.blacklistAfter().toMillis());
    }

    private static String reason(int code) {
        return switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + code;
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        client.close();
    }
}
