package io.ringbridge.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.platform.config.StartupRefusedException;

/** The operator's key from {@code RINGBRIDGE_ADMIN_KEY}; kept only as its hash once read. */
@Component
class AdminKey {

    private final byte[] hash;

    AdminKey(RingBridgeProperties properties) {
        String key = properties.adminKey();
        if (key == null || key.isBlank()) {
            this.hash = null;
            return;
        }
        if (!ApiKeys.wellFormed(key.trim())) {
            throw new StartupRefusedException(
                    "RINGBRIDGE_ADMIN_KEY must look like an API key: sgw_ followed by 32 lowercase hex characters");
        }
        this.hash = ApiKeys.hash(key.trim()).getBytes(StandardCharsets.US_ASCII);
    }

    /** Compares hashes in constant time, so response timing says nothing about the admin key. */
    boolean matches(String keyHash) {
        return hash != null && MessageDigest.isEqual(hash, keyHash.getBytes(StandardCharsets.US_ASCII));
    }
}
