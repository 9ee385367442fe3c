package io.ringbridge.platform.config;

/** How strict the gateway is about its configuration. */
public enum Mode {
    /**
     * Generates what it can (a local encryption key), accepts plain-http URLs, and without a RingCentral app runs
     * the built-in simulator (sandbox mode).
     */
    DEVELOPMENT,
    /** Refuses to start without encryption keys, an admin key, an https public URL and a RingCentral app. */
    PRODUCTION
}
