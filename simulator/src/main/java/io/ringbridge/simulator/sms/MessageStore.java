package io.ringbridge.simulator.sms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every extension's messages, plus the send counts per (from, to, text) that tests use to spot duplicates.
 * Concurrent maps only; no global lock on the send path. Holds at most {@code capacity} messages: beyond
 * that the oldest are dropped (send counts stay), so long benchmarks do not exhaust the heap.
 */
public final class MessageStore {
    /** 2024-01-01T00:00:00Z, where the clock-seeded id sequences start. */
    private static final long SEED_EPOCH_MILLIS = 1_704_067_200_000L;

    private final int capacity;
    private final java.util.concurrent.ConcurrentLinkedQueue<StoredMessage> order =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();

    private final AtomicLong ids = new AtomicLong(clockSeeded(3_000_000_000_000L, 16));
    private final AtomicLong conversationIds = new AtomicLong(clockSeeded(1_638_000_000_000_000_000L, 1000));
    private final ConcurrentHashMap<Long, StoredMessage> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, ConcurrentLinkedDeque<StoredMessage>> byExtension =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> conversations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SendKey, LongAdder> sends = new ConcurrentHashMap<>();

    public MessageStore(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /**
     * A sequence start that grows with the clock, so that a simulator started after another one (even without
     * its state file) does not hand out the same ids unless the earlier one issued over {@code perMilli} per ms.
     */
    private static long clockSeeded(long base, long perMilli) {
        return base + (System.currentTimeMillis() - SEED_EPOCH_MILLIS) * perMilli;
    }

    private record SendKey(String from, String to, String text) {
    }

    StoredMessage add(long accountId, long extensionId, String ownerName, String direction, String from,
                      List<String> to, String text, String baseUrl, String status) {
        String peer = "Outbound".equals(direction) ? String.join(",", to) : from;
        String own = "Outbound".equals(direction) ? from : to.getFirst();
        long conversation = conversations.computeIfAbsent(own + "|" + peer, k -> conversationIds.incrementAndGet());
        StoredMessage message = new StoredMessage(ids.incrementAndGet(), accountId, extensionId, ownerName,
                direction, from, to, text, System.currentTimeMillis(), conversation, baseUrl, status);
        index(message);
        if ("Outbound".equals(direction)) {
            for (String recipient : to) {
                sends.computeIfAbsent(new SendKey(from, recipient, text), k -> new LongAdder()).increment();
            }
        }
        return message;
    }

    private void index(StoredMessage message) {
        byId.put(message.id, message);
        byExtension.computeIfAbsent(message.extensionId, k -> new ConcurrentLinkedDeque<>()).addFirst(message);
        order.add(message);
        if (held.incrementAndGet() > capacity) {
            dropOldest();
        }
    }

    private void dropOldest() {
        StoredMessage oldest = order.poll();
        if (oldest == null) {
            return;
        }
        held.decrementAndGet();
        byId.remove(oldest.id, oldest);
        ConcurrentLinkedDeque<StoredMessage> list = byExtension.get(oldest.extensionId);
        if (list != null) {
            list.removeLastOccurrence(oldest);
        }
    }

    public StoredMessage find(long id) {
        return byId.get(id);
    }

    /** An extension's messages, newest first. */
    public List<StoredMessage> of(long extensionId) {
        ConcurrentLinkedDeque<StoredMessage> list = byExtension.get(extensionId);
        return list == null ? List.of() : new ArrayList<>(list);
    }

    /** Every message, oldest first. */
    public List<StoredMessage> all() {
        List<StoredMessage> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparingLong(StoredMessage::id));
        return list;
    }

    public long sendCount(String from, String to, String text) {
        LongAdder adder = sends.get(new SendKey(from, to, text));
        return adder == null ? 0 : adder.sum();
    }

    public List<SendCount> sendCounts() {
        List<SendCount> list = new ArrayList<>();
        for (Map.Entry<SendKey, LongAdder> e : sends.entrySet()) {
            list.add(new SendCount(e.getKey().from(), e.getKey().to(), e.getKey().text(), e.getValue().sum()));
        }
        list.sort(Comparator.comparing(SendCount::from).thenComparing(SendCount::to).thenComparing(SendCount::text));
        return list;
    }

    /** Every message, the conversations and send counts, and the id sequences, for the state file. */
    public Saved snapshot() {
        List<StoredMessage.Saved> saved = new ArrayList<>();
        for (StoredMessage message : all()) {
            saved.add(message.saved());
        }
        return new Saved(ids.get(), conversationIds.get(), saved, Map.copyOf(conversations), sendCounts());
    }

    /**
     * Replaces the store's content with a state file's. The sequences continue above both the saved ones and
     * the clock-seeded ones, so ids never repeat. Returns the restored messages, oldest first.
     */
    public List<StoredMessage> restore(Saved saved) {
        reset();
        ids.accumulateAndGet(saved.lastId(), Math::max);
        conversationIds.accumulateAndGet(saved.lastConversationId(), Math::max);
        conversations.putAll(saved.conversations());
        for (SendCount count : saved.sendCounts()) {
            LongAdder adder = new LongAdder();
            adder.add(count.count());
            sends.put(new SendKey(count.from(), count.to(), count.text()), adder);
        }
        List<StoredMessage> restored = new ArrayList<>();
        for (StoredMessage.Saved message : saved.messages()) {
            StoredMessage stored = StoredMessage.restore(message);
            index(stored);
            restored.add(stored);
        }
        return restored;
    }

    /** The state file's view of a message store. */
    public record Saved(long lastId, long lastConversationId, List<StoredMessage.Saved> messages,
                        Map<String, Long> conversations, List<SendCount> sendCounts) {

        public Saved {
            messages = messages == null ? List.of() : List.copyOf(messages);
            conversations = conversations == null ? Map.of() : Map.copyOf(conversations);
            sendCounts = sendCounts == null ? List.of() : List.copyOf(sendCounts);
        }
    }

    public int size() {
        return byId.size();
    }

    public void reset() {
        byId.clear();
        byExtension.clear();
        order.clear();
        held.set(0);
        conversations.clear();
        sends.clear();
    }
}
