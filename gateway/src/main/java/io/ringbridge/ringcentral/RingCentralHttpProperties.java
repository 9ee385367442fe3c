package io.ringbridge.ringcentral;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts of every call to RingCentral ({@code ringcentral.http.*}).
 *
 * @param connectTimeout How long to wait for a connection to RingCentral
 * @param requestTimeout How long a whole exchange may take, the answer's body included
 */
@ConfigurationProperties("ringcentral.http")
public record RingCentralHttpProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration requestTimeout) {
}
