package io.ringbridge.simulator.sms;

import java.util.List;

/**
 * A message in an extension's message store. Identity and content are fixed; status fields change as the
 * simulated delivery progresses (volatile, written by one scheduler thread at a time).
 */
public final class StoredMessage {
    final long id;
    final long accountId;
    final long extensionId;
    final String ownerName;
    final String direction;
    final String from;
    final List<String> to;
    final String text;
    final long createdAtMillis;
    final long conversationId;
    /** The base URL of the request that created the message, for {@code uri} fields in later notifications. */
    final String baseUrl;
    volatile String status;
    volatile long lastModifiedMillis;
    volatile String deliveryErrorCode;
    volatile long deliveredAtMillis;

    StoredMessage(long id, long accountId, long extensionId, String ownerName, String direction, String from,
                  List<String> to, String text, long createdAtMillis, long conversationId, String baseUrl,
                  String status) {
        this.id = id;
        this.accountId = accountId;
        this.extensionId = extensionId;
        this.ownerName = ownerName;
        this.direction = direction;
        this.from = from;
        this.to = List.copyOf(to);
        this.text = text;
        this.createdAtMillis = createdAtMillis;
        this.conversationId = conversationId;
        this.baseUrl = baseUrl;
        this.status = status;
        this.lastModifiedMillis = createdAtMillis;
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public long extensionId() {
        return extensionId;
    }

    public String direction() {
        return direction;
    }

    public String from() {
        return from;
    }

    public List<String> to() {
        return to;
    }

    public String text() {
        return text;
    }

    public String status() {
        return status;
    }

    public String deliveryErrorCode() {
        return deliveryErrorCode;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The message as the state file keeps it. */
    public record Saved(long id, long accountId, long extensionId, String ownerName, String direction, String from,
                        List<String> to, String text, long createdAtMillis, long conversationId, String baseUrl,
                        String status, long lastModifiedMillis, String deliveryErrorCode, long deliveredAtMillis) {
    }

    synchronized Saved saved() {
        return new Saved(id, accountId, extensionId, ownerName, direction, from, to, text, createdAtMillis,
                conversationId, baseUrl, status, lastModifiedMillis, deliveryErrorCode, deliveredAtMillis);
    }

    static StoredMessage restore(Saved saved) {
        StoredMessage message = new StoredMessage(saved.id(), saved.accountId(), saved.extensionId(),
                saved.ownerName(), saved.direction(), saved.from(), saved.to(), saved.text(),
                saved.createdAtMillis(), saved.conversationId(), saved.baseUrl(), saved.status());
        message.lastModifiedMillis = saved.lastModifiedMillis();
        message.deliveryErrorCode = saved.deliveryErrorCode();
        message.deliveredAtMillis = saved.deliveredAtMillis();
        return message;
    }

    synchronized void update(String newStatus, String errorCode) {
        long now = System.currentTimeMillis();
        this.deliveryErrorCode = errorCode;
        if ("Delivered".equals(newStatus)) {
            this.deliveredAtMillis = now;
        }
        this.lastModifiedMillis = now;
        this.status = newStatus;
    }

    /** Segments as a carrier counts them: GSM-7 160/153, otherwise UCS-2 70/67. */
    int segmentCount() {
        boolean gsm = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r');
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int length = text.length();
        return length <= single ? 1 : (length + part - 1) / part;
    }
}
