package io.ringbridge.platform.config;

/** The configuration cannot work; the message is one line that says what to fix. */
public class StartupRefusedException extends RuntimeException {
    public StartupRefusedException(String message) {
        super(message);
    }
}
