package io.ringbridge.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.connection.TokenVault;
import io.ringbridge.events.SmsDeliveryEvent;
import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.pacing.RingCentralPacer;
import io.ringbridge.ringcentral.RateLimitGroup;
import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralApi;
import io.ringbridge.ringcentral.SmsMessage;

/**
 * Delivery receipts: settles the {@code pending} delivery status of sent messages as {@code delivered} or
 * {@code undelivered}, with an {@code sms_delivery} event, from what RingCentral's message store says about them;
 * their status stays {@code sent}. One list call per extension covers the messages awaiting a receipt, and the
 * receipts it brings are recorded in one transaction; it runs when RingCentral notifies a message-store change and,
 * as a fallback, periodically.
 */
@Component
class ReceiptSync {

    /** Receipts are awaited this long; a message without one by then stays {@code pending}. */
    static final Duration WATCH_FOR = Duration.ofHours(24);

    private record Pending(String id, String appId, String rcMessageId, int segments, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final TokenVault vault;
    private final RingCentralApi api;
    private final RingCentralPacer pacer;
    private final MessageEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    ReceiptSync(JdbcClient jdbc, TokenVault vault, RingCentralApi api, RingCentralPacer pacer, MessageEvents events,
                TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.api = api;
        this.pacer = pacer;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** Extensions with messages waiting for a receipt, sent at least {@code olderThan} ago. */
    List<Map.Entry<String, String>> extensionsAwaiting(Duration olderThan) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT DISTINCT tenant_id, extension_id FROM message
                        WHERE delivery_status = 'pending' AND sent_at > :since AND sent_at < :before
                        """)
                .param("since", Timestamps.toDb(now.minus(WATCH_FOR))).param("before", Timestamps.toDb(now.minus(olderThan)))
                .query((rs, n) -> Map.entry(rs.getString("tenant_id"), rs.getString("extension_id"))).list();
    }

    /** @return how many messages got their receipt */
    int sync(String tenantId, String extensionId) {
        Instant now = clock.instant();
        List<Pending> pending = jdbc.sql("""
                        SELECT id, app_id, rc_message_id, segments, sent_at FROM message
                        WHERE delivery_status = 'pending' AND tenant_id = :tenant AND extension_id = :ext AND sent_at > :since
                        ORDER BY sent_at
                        """)
                .param("tenant", tenantId).param("ext", extensionId).param("since", Timestamps.toDb(now.minus(WATCH_FOR)))
                .query((rs, n) -> new Pending(rs.getString("id"), rs.getString("app_id"), rs.getString("rc_message_id"),
                        rs.getInt("segments"), Timestamps.fromDb(rs, "sent_at")))
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        Instant since = pending.getFirst().sentAt().minus(InDoubtLookup.CLOCK_MARGIN);
        Map<Pending, List<String>> rcIds = new LinkedHashMap<>();
        pending.forEach(message -> rcIds.put(message,
                message.segments() == 1 ? List.of(message.rcMessageId()) : segmentIds(message.id())));
        Set<String> wanted = rcIds.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        RingCentralAccess access = vault.access(tenantId, extensionId);
        // A message-store read, in RingCentral's Light group: made only when the extension's window has room.
        Map<String, SmsMessage> store = pacer.callNow(tenantId, extensionId, RateLimitGroup.LIGHT,
                        () -> api.outboundSmsSince(access, since, wanted)).stream()
                .collect(Collectors.toMap(SmsMessage::id, Function.identity(), (a, b) -> a));
        Map<Pending, Receipt> receipts = new LinkedHashMap<>();
        rcIds.forEach((message, ids) -> {
            List<SmsMessage> parts = ids.stream().map(store::get).toList();
            Receipt receipt = parts.contains(null) ? null : Receipt.of(parts); // not listed (yet): nothing to learn
            if (receipt != null) {
                receipts.put(message, receipt);
            }
        });
        return record(tenantId, receipts);
    }

    private List<String> segmentIds(String messageId) {
        return jdbc.sql("SELECT rc_message_id FROM message_segment WHERE message_id = :id ORDER BY seq")
                .param("id", messageId).query(String.class).list();
    }

    /** Records the receipts read in one sync in one transaction; returns how many were new. */
    private int record(String tenantId, Map<Pending, Receipt> receipts) {
        if (receipts.isEmpty()) {
            return 0;
        }
        List<Receipt> recorded = transactions.execute(tx -> {
            Instant now = clock.instant();
            List<Receipt> changed = new ArrayList<>();
            List<SmsDeliveryEvent> announced = new ArrayList<>();
            receipts.forEach((message, receipt) -> {
                int updated = jdbc.sql("""
                                UPDATE message SET delivery_status = :delivery, error = :error, delivered_at = :delivered,
                                                   updated_at = :now
                                WHERE id = :id AND delivery_status = 'pending'
                                """)
                        .param("delivery", receipt.deliveryStatus().wire()).param("error", receipt.error())
                        .param("delivered", Timestamps.toDb(receipt.deliveredAt())).param("now", Timestamps.toDb(now))
                        .param("id", message.id()).update();
                if (updated == 1) {
                    changed.add(receipt);
                    announced.add(MessageEvents.receipt(tenantId, message.appId(), message.id(), receipt));
                }
            });
            events.receiptsRecorded(announced);
            return changed;
        });
        recorded.forEach(receipt ->
                meters.counter("ringbridge.sms.receipts", "outcome", receipt.deliveryStatus().wire()).increment());
        return recorded.size();
    }
}
