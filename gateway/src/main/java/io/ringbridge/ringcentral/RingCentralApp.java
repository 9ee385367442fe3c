package io.ringbridge.ringcentral;

import java.net.URI;

/**
 * A registered RingCentral app: its client credentials and the platform server it lives on
 * (e.g. {@code https://platform.ringcentral.com}).
 */
public record RingCentralApp(String clientId, String clientSecret, URI server) {

    @Override
    public String toString() {
        return "RingCentralApp[clientId=" + clientId + ", server=" + server + "]";
    }
}
