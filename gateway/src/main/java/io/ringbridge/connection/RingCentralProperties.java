package io.ringbridge.connection;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's RingCentral app ({@code RINGCENTRAL_CLIENT_ID}, {@code RINGCENTRAL_CLIENT_SECRET},
 * {@code RINGCENTRAL_SERVER}). Without a client id the gateway runs in sandbox mode.
 *
 * @param clientId The operator's RingCentral app; unset, sandbox mode (the built-in simulator)
 * @param clientSecret The secret of that app
 * @param server RingCentral API base URL
 */
@ConfigurationProperties("ringcentral")
public record RingCentralProperties(String clientId, String clientSecret,
                                    @DefaultValue("https://platform.ringcentral.com") URI server) {
}
