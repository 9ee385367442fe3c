package io.ringbridge.simulator.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared String per distinct base URL: stored messages and subscriptions keep the base URL of the request
 * that made them, and at thousands of messages per second per-request copies would only feed the GC.
 */
final class BaseUrls {
    private static final int MAX = 64;
    private static final ConcurrentHashMap<String, String> SEEN = new ConcurrentHashMap<>();

    private BaseUrls() {
    }

    static String canonical(String url) {
        String known = SEEN.get(url);
        if (known != null) {
            return known;
        }
        if (SEEN.size() < MAX) {
            known = SEEN.putIfAbsent(url, url);
        }
        return known == null ? url : known;
    }
}
