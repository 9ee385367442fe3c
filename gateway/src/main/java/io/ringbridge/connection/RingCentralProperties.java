package io.ringbridge.connection;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's RingCentral app ({@code RINGCENTRAL_CLIENT_ID}, {@code RINGCENTRAL_CLIENT_SECRET},
 * {@code RINGCENTRAL_SERVER}). Without a client id the gateway runs in sandbox mode.
 *
 * @param clientId The operator's RingCentral app; unset, sandbox mode (the built-in simulator)
 * @param clientSecret The secret of that app
 * @param server RingCentral API base URL
 * @param allowedServers More servers, {@code https://} only, a tenant's own RingCentral app may live on
 *        ({@code PUT /v1/rc/app}); RingCentral's own API servers and {@code server} are always allowed
 */
@ConfigurationProperties("ringcentral")
public record RingCentralProperties(String clientId, String clientSecret,
                                    @DefaultValue("https://platform.ringcentral.com") URI server,
                                    List<URI> allowedServers) {

    public RingCentralProperties {
        allowedServers = allowedServers == null ? List.of() : List.copyOf(allowedServers);
    }
}
