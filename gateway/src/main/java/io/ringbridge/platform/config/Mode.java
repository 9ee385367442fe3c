package io.ringbridge.platform.config;

/** How strict the gateway is about its configuration. */
public enum Mode {
    /** Generates what it can (a local encryption key) and accepts plain-http URLs. */
    DEVELOPMENT,
    /** Refuses to start without encryption keys, an admin key and an https public URL. */
    PRODUCTION
}
