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
        /** Any other platform filter: accepted, never fires here. */
        OTHER
    }

    private static final Pattern MESSAGE_STORE = Pattern.compile(
            "/restapi/v1\\.0/account/(\\d+)/extension/(\\d+)/message-store(/instant)?(?:\\?(.*))?");

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
        Matcher m = MESSAGE_STORE.matcher(expanded);
        if (!m.matches()) {
            return new EventFilter(expanded, Kind.OTHER, 0, 0, Map.of());
        }
        Map<String, String> query = new HashMap<>();
        if (m.group(4) != null) {
            for (String pair : m.group(4).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        Kind kind = m.group(3) != null ? Kind.INSTANT_MESSAGE : Kind.MESSAGE_STORE;
        return new EventFilter(expanded, kind, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Map.copyOf(query));
    }

    boolean needsReadMessages() {
        return kind != Kind.OTHER;
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
