package io.ringbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class HistoryQueryTest {

    private static final String ID = "msg_0123456789ab";

    @Test
    void cursorReadsBackAsTheSamePosition() {
        HistoryQuery.Cursor cursor = new HistoryQuery.Cursor(Instant.parse("2026-03-01T10:00:00.123Z"), ID);

        assertThat(HistoryQuery.Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void cursorIsUrlSafeText() {
        String text = new HistoryQuery.Cursor(Instant.parse("2026-03-01T10:00:00.123Z"), ID).encode();

        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8))
                .isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z").toEpochMilli() + ":" + ID);
    }

    @Test
    void cursorKeepsMillisecondsOnly() {
        Instant precise = Instant.parse("2026-03-01T10:00:00.123456789Z");

        assertThat(HistoryQuery.Cursor.decode(new HistoryQuery.Cursor(precise, ID).encode()).createdAt())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
    }

    @Test
    void textThisGatewayDidNotMakeIsNoCursor() {
        assertThat(HistoryQuery.Cursor.decode("")).isNull();
        assertThat(HistoryQuery.Cursor.decode("not base64!")).isNull();
        assertThat(HistoryQuery.Cursor.decode(encoded("no colon"))).isNull();
        assertThat(HistoryQuery.Cursor.decode(encoded(":" + ID))).isNull();
        assertThat(HistoryQuery.Cursor.decode(encoded("yesterday:" + ID))).isNull();
        assertThat(HistoryQuery.Cursor.decode(encoded("1772359200000:msg_XYZ"))).isNull();
        assertThat(HistoryQuery.Cursor.decode(encoded("1772359200000:" + ID + "; DROP TABLE message"))).isNull();
    }

    @Test
    void cursorOutsideTheStoredYearsIsNoCursor() {
        long beforeYearOne = HistoryQuery.EARLIEST.toEpochMilli() - 1;
        long afterYear9999 = HistoryQuery.LATEST.toEpochMilli() + 1;

        assertThat(HistoryQuery.Cursor.decode(encoded(beforeYearOne + ":" + ID))).isNull();
        assertThat(HistoryQuery.Cursor.decode(encoded(afterYear9999 + ":" + ID))).isNull();
        assertThat(HistoryQuery.Cursor.decode(encoded(Long.MAX_VALUE + ":" + ID))).isNull();
        assertThat(HistoryQuery.Cursor.decode(encoded(HistoryQuery.LATEST.toEpochMilli() + ":" + ID)))
                .isEqualTo(new HistoryQuery.Cursor(HistoryQuery.LATEST, ID));
    }

    private static String encoded(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
