package io.ringbridge.simulator.subscription;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event filter of a subscription, after {@code ~} expansion. Known kinds produce notifications; other
 * {@code /restapi/…} filters are accepted and simply never fire.
 */
public record EventFilter(String text, Kind kind, long accountId, long extensionId, Map<String, String> query) {

    /** The filter kinds the simulator delivers. */
    public enum Kind {
        /** {@code …/message-store/instant?type=SMS}: the full inbound message. */
        INSTANT_MESSAGE,
        /** {@code …/message-store[?type=&direction=]}: change counters. */
        MESSAGE_STORE,
        /** {@code /restapi/v1.0/subscription/~?threshold=&interval=}: expiry reminders of the subscription itself. */
        SUBSCRIPTION_REMINDER,
        /** Any other platform filter: accepted, never fires here. */
        OTHER
    }

    private static final Pattern MESSAGE_STORE = Pattern.compile(
            "/restapi/v1\\.0/account/(\\d+)/extension/(\\d+)/message-store(/instant)?(?:\\?(.*))?");

    private static final Pattern REMINDER = Pattern.compile(
            "/restapi/v1\\.0/subscription/~\\?(.*)");

    /** Replaces {@code ~} in account/extension position with the caller's ids. */
    static String expand(String filter, long accountId, long extensionId) {
        return filter.replace("/account/~/", "/account/" + accountId + "/")
                .replaceAll("/extension/~(?=/|\\?|$)", "/extension/" + extensionId);
    }

    /** Parses an expanded filter; {@code null} when it is not a platform event filter at all. */
    static EventFilter parse(String expanded) {
        if (!expanded.startsWith("/restapi/")) {
            return null;
        }
        Matcher reminder = REMINDER.matcher(expanded);
        if (reminder.matches()) {
            Map<String, String> query = query(reminder.group(1));
            try {
                long threshold = Long.parseLong(query.getOrDefault("threshold", ""));
                long interval = Long.parseLong(query.getOrDefault("interval", ""));
                if (threshold > 0 && interval > 0) {
                    return new EventFilter(expanded, Kind.SUBSCRIPTION_REMINDER, 0, 0, query);
                }
            } catch (NumberFormatException ignored) {
                // falls through: invalid
            }
            return null;
        }
        Matcher m = MESSAGE_STORE.matcher(expanded);
        if (!m.matches()) {
            return new EventFilter(expanded, Kind.OTHER, 0, 0, Map.of());
        }
        Map<String, String> query = query(m.group(4));
        Kind kind = m.group(3) != null ? Kind.INSTANT_MESSAGE : Kind.MESSAGE_STORE;
        return new EventFilter(expanded, kind, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), query);
    }

    private static Map<String, String> query(String text) {
        Map<String, String> query = new HashMap<>();
        if (text != null) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return Map.copyOf(query);
    }

    boolean needsReadMessages() {
        return kind == Kind.INSTANT_MESSAGE || kind == Kind.MESSAGE_STORE;
    }

    /** Reminder threshold in seconds (before expiry). */
    long threshold() {
        return Long.parseLong(query.get("threshold"));
    }

    /** Reminder repeat interval in seconds. */
    long interval() {
        return Long.parseLong(query.get("interval"));
    }

    /** Whether a message event of this extension, type SMS and direction passes the filter's query. */
    boolean accepts(long messageExtensionId, String direction) {
        if (messageExtensionId != extensionId) {
            return false;
        }
        String type = query.get("type");
        if (type != null && !type.equals("SMS")) {
            return false;
        }
        String wanted = query.get("direction");
        return wanted == null || wanted.equals(direction);
    }
}
