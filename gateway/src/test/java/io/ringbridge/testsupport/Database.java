package io.ringbridge.testsupport;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The databases every integration suite runs on. {@code -Dringbridge.test.databases=H2} narrows a local run;
 * CI runs both.
 */
public enum Database {
    H2,
    POSTGRES;

    /** The argument source of {@link EveryDatabase}. */
    public static Stream<Database> selected() {
        String only = System.getProperty("ringbridge.test.databases", "");
        if (only.isBlank()) {
            return Arrays.stream(values());
        }
        return Arrays.stream(only.split(",")).map(String::trim).map(String::toUpperCase).map(Database::valueOf);
    }
}
