package io.ringbridge.platform.crypto;

/** A sealed value cannot be opened. The message never contains the secret. */
public class SealedSecretException extends RuntimeException {
    public SealedSecretException(String message) {
        super(message);
    }
}
