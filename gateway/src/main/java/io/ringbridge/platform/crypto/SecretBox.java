package io.ringbridge.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets for storage with AES-256-GCM: a random 96-bit IV per value, the key id inside the sealed
 * text (so keys can rotate), and the owning row's identity as associated data (so a ciphertext copied into
 * another row does not open). Sealed form: {@code v1:<kid>:<base64(iv ‖ ciphertext ‖ tag)>}.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final EncryptionKeys keys;
    private final SecureRandom random = new SecureRandom();

    SecretBox(EncryptionKeys keys) {
        this.keys = keys;
    }

    /**
     * @param context what the secret belongs to, e.g. {@code "app:app_…:webhook_secret"}; the same context
     *                must be given to {@link #open}.
     */
    public String seal(String plaintext, String context) {
        EncryptionKeys.Key key = keys.primary();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SealedSecretException("Not a sealed secret");
        }
        EncryptionKeys.Key key = keys.find(parts[1])
                .orElseThrow(() -> new SealedSecretException("Sealed with key '" + parts[1]
                        + "', which is not in RINGBRIDGE_ENCRYPTION_KEYS"));
        byte[] data = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SealedSecretException("Sealed secret does not open with key '" + parts[1]
                    + "' in this context (tampered, moved or wrong key)");
        }
    }

    /** How every value sealed with the current primary key starts: values not starting so need re-sealing. */
    public String currentPrefix() {
        return VERSION + ":" + keys.primary().id() + ":";
    }

}
