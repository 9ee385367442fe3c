package io.ringbridge.simulator.http;

import java.util.HashMap;
import java.util.Map;

/**
 * A method + path template ({@code /restapi/v1.0/subscription/{subscriptionId}}) bound to a handler and to a
 * stable operation name (used by fault injection and counters).
 */
public record Route(String method, String template, String operation, Handler handler, String[] segments) {

    public static Route of(String method, String template, String operation, Handler handler) {
        return new Route(method, template, operation, handler, split(template));
    }

    static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /** The path parameters when {@code pathSegments} matches this template, else {@code null}. */
    Map<String, String> match(String[] pathSegments) {
        if (pathSegments.length != segments.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < segments.length; i++) {
            String t = segments[i];
            if (t.startsWith("{")) {
                if (pathSegments[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>(4);
                }
                params.put(t.substring(1, t.length() - 1), pathSegments[i]);
            } else if (!t.equals(pathSegments[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }
}
