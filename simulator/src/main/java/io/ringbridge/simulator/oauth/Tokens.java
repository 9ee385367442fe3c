package io.ringbridge.simulator.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque random tokens and ids. */
final class Tokens {
    static final String ACCESS_PREFIX = "U0lNQVQ";
    static final String REFRESH_PREFIX = "U0lNUlQ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return ENCODER.encodeToString(buffer);
    }

    static String access() {
        return ACCESS_PREFIX + random(36);
    }

    static String refresh() {
        return REFRESH_PREFIX + random(36);
    }

    /** Whether a string has the shape of an access token this platform issues (else it is "corrupted"). */
    static boolean looksLikeAccessToken(String token) {
        return token.startsWith(ACCESS_PREFIX) && token.length() == ACCESS_PREFIX.length() + 48;
    }
}
