package io.ringbridge.platform.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own settings. Each is also an environment variable through relaxed binding:
 * {@code RINGBRIDGE_PUBLIC_URL} → {@code ringbridge.public-url} and so on.
 */
@ConfigurationProperties("ringbridge")
public record RingBridgeProperties(
        @DefaultValue("development") Mode mode,
        String publicUrl,
        String adminKey,
        String encryptionKeys,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Limits limits) {

    public boolean production() {
        return mode == Mode.PRODUCTION;
    }

    /** API request limits. Defaults are the contract; operators may tighten or loosen them. */
    public record Limits(
            @DefaultValue("100") int appRequestsPerMinute,
            @DefaultValue("500") int adminRequestsPerMinute,
            @DefaultValue("10") int failedAuthsPerClient,
            @DefaultValue("5m") Duration failedAuthWindow,
            @DefaultValue("15m") Duration clientBlock) {
    }
}
