package io.ringbridge.platform.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Moves instants in and out of {@code timestamp with time zone} columns. {@link OffsetDateTime} is the type
 * both the H2 and PostgreSQL drivers bind and read the same way; {@link Instant} is not.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Stored to the millisecond, the precision of every timestamp the API shows, so what a client sees (e.g. in a
     * pagination cursor) compares exactly with what is stored.
     */
    public static OffsetDateTime toDb(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    public static Instant fromDb(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
