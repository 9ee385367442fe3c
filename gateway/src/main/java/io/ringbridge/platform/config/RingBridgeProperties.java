package io.ringbridge.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own settings. Each is also an environment variable through relaxed binding:
 * {@code RINGBRIDGE_PUBLIC_URL} → {@code ringbridge.public-url} and so on (docs/API.md).
 *
 * @param mode {@code development} or {@code production}; production refuses to start without encryption keys,
 *        admin key, an https public URL and the operator's RingCentral app (it never runs the sandbox), and refuses
 *        requests that did not arrive over https
 * @param publicUrl Base URL browsers and RingCentral use to reach the gateway (OAuth redirect URI, webhook address);
 *        unset, {@code http://localhost:<port>}
 * @param adminKey The operator's key, {@code sgw_} + 32 lowercase hex; unset, the admin routes are unavailable
 * @param encryptionKeys {@code kid:base64-32-bytes,kid2:…}: the first key seals new secrets, all keys open old ones;
 *        unset in development, a key generated once and kept under the data directory
 * @param dataDir Where the embedded database and the development key live
 * @param resealInterval How often stored secrets are re-sealed with the primary encryption key, so an old key can
 *        be removed once it has run
 * @param limits API request limits
 * @param trustedProxies Addresses and CIDR ranges of the reverse proxies in front of the gateway
 *        ({@code 10.0.0.5,192.168.0.0/16}); only they may name the client ({@code X-Forwarded-For}) and the scheme
 *        ({@code X-Forwarded-Proto}); unset, those headers are ignored
 */
@ConfigurationProperties("ringbridge")
public record RingBridgeProperties(
        @DefaultValue("development") Mode mode,
        String publicUrl,
        String adminKey,
        String encryptionKeys,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("1h") Duration resealInterval,
        @DefaultValue Limits limits,
        List<String> trustedProxies) {

    public boolean production() {
        return mode == Mode.PRODUCTION;
    }

    /**
     * API request limits (docs/API.md). Defaults are the contract; operators may tighten or loosen them.
     *
     * @param appRequestsPerMinute Requests an app key may make per minute
     * @param tenantRequestsPerMinute Requests all the app keys of one tenant may make together per minute
     * @param appsPerTenant Apps a tenant may have at once
     * @param adminRequestsPerMinute Requests the admin key may make per minute
     * @param failedAuthsPerClient Failed authentications a client address may make per {@code failed-auth-window}
     *        before it is blocked
     * @param failedAuthWindow The window over which failed authentications are counted
     * @param clientBlock How long a blocked client address is refused everything
     * @param blockSyncInterval How often each instance reads the blocks other instances made
     */
    public record Limits(
            @DefaultValue("100") int appRequestsPerMinute,
            @DefaultValue("1000") int tenantRequestsPerMinute,
            @DefaultValue("25") int appsPerTenant,
            @DefaultValue("500") int adminRequestsPerMinute,
            @DefaultValue("10") int failedAuthsPerClient,
            @DefaultValue("5m") Duration failedAuthWindow,
            @DefaultValue("15m") Duration clientBlock,
            @DefaultValue("1s") Duration blockSyncInterval) {
    }
}
