package io.ringbridge.platform.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.ringbridge.platform.config.StartupRefusedException;

/**
 * The AES-256 keys that seal secrets at rest, from {@code RINGBRIDGE_ENCRYPTION_KEYS}
 * ({@code kid:base64-32-bytes,kid2:…}). The first key seals; every key opens, so a new primary can be
 * introduced while old ciphertexts are still readable.
 */
final class EncryptionKeys {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public record Key(String id, SecretKey secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final Key primary;
    private final Map<String, Key> byId;

    private EncryptionKeys(Map<String, Key> byId) {
        this.byId = Map.copyOf(byId);
        this.primary = byId.values().iterator().next();
    }

    public static EncryptionKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new StartupRefusedException("RINGBRIDGE_ENCRYPTION_KEYS is empty");
        }
        Map<String, Key> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
                throw new StartupRefusedException(
                        "RINGBRIDGE_ENCRYPTION_KEYS entries must be kid:base64 with a kid of letters, digits, _ or -");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(parts[1].trim());
            } catch (IllegalArgumentException e) {
                throw new StartupRefusedException("RINGBRIDGE_ENCRYPTION_KEYS key '" + parts[0] + "' is not valid base64");
            }
            if (material.length != 32) {
                throw new StartupRefusedException("RINGBRIDGE_ENCRYPTION_KEYS key '" + parts[0]
                        + "' must be 32 bytes (AES-256), got " + material.length);
            }
            if (keys.putIfAbsent(parts[0], new Key(parts[0], new SecretKeySpec(material, "AES"))) != null) {
                throw new StartupRefusedException("RINGBRIDGE_ENCRYPTION_KEYS names key '" + parts[0] + "' twice");
            }
        }
        return new EncryptionKeys(keys);
    }

    public Key primary() {
        return primary;
    }

    public Optional<Key> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
