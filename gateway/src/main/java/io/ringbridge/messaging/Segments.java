package io.ringbridge.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into RingCentral messages: at most 1000 UTF-16 code units each (RingCentral's limit per request),
 * never between the two halves of a surrogate pair, so every part is valid text on its own.
 */
final class Segments {

    static final int MAX_UNITS = 1000;

    private Segments() {
    }

    static List<String> of(String body) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < body.length()) {
            int end = Math.min(start + MAX_UNITS, body.length());
            if (end < body.length() && Character.isHighSurrogate(body.charAt(end - 1))) {
                end--; // keep the pair together in the next part
            }
            parts.add(body.substring(start, end));
            start = end;
        }
        return parts;
    }

    static int count(String body) {
        return of(body).size();
    }
}
