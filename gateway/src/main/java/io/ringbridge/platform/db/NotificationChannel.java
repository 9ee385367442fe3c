package io.ringbridge.platform.db;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A named kind of cross-instance notification and how its payload travels as text. Payloads are hints about what
 * changed (an id), never the change itself: the database stays the truth, and a listener re-reads it.
 *
 * @param name lowercase letters, digits and {@code _}; on PostgreSQL also the LISTEN channel
 * @param <T> the payload
 */
public record NotificationChannel<T>(String name, Function<T, String> write, Function<String, T> read) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    public NotificationChannel {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A notification channel is named by [a-z][a-z0-9_]{0,47}: " + name);
        }
    }

    /** A channel whose payload is a plain string (typically an id). */
    public static NotificationChannel<String> ofStrings(String name) {
        return new NotificationChannel<>(name, Function.identity(), Function.identity());
    }
}
