package io.ringbridge.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.ringbridge.platform.ids.IdKind;

/** Filters of {@code GET /v1/sms/messages} [ext] and the position after which the page starts. */
record HistoryQuery(String direction, MessageStatus status, DeliveryStatus deliveryStatus, String from, String to,
                    String userId, Instant since, Instant until, Cursor after) {

    /** Times the history compares: four-digit years, which every database stores (PostgreSQL ends in 294276). */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    static boolean inRange(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    /** A position in the newest-first order: opaque to clients, stable under inserts. */
    record Cursor(Instant createdAt, String id) {

        String encode() {
            String raw = createdAt.toEpochMilli() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** @return null when the text is not a cursor this gateway made */
        static Cursor decode(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                String id = raw.substring(colon + 1);
                if (colon < 1 || !IdKind.MESSAGE.matches(id)) {
                    return null;
                }
                Instant createdAt = Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon)));
                return inRange(createdAt) ? new Cursor(createdAt, id) : null;
            } catch (IllegalArgumentException | IndexOutOfBoundsException | java.time.DateTimeException e) {
                return null;
            }
        }
    }
}
