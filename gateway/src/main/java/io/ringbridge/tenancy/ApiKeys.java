package io.ringbridge.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.ringbridge.platform.ids.IdKind;

/**
 * API keys ({@code sgw_} + 32 hex, 128 random bits). Only the SHA-256 is stored: with that much entropy a
 * fast hash is enough, and it lets a key be looked up by its hash in one indexed read.
 */
final class ApiKeys {

    static final int PREFIX_LENGTH = 8;

    private ApiKeys() {
    }

    static String generate() {
        return IdKind.API_KEY.next();
    }

    static boolean wellFormed(String key) {
        return IdKind.API_KEY.matches(key);
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String prefix(String key) {
        return key.substring(0, PREFIX_LENGTH);
    }
}
