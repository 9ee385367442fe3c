package io.ringbridge.ringcentral;

import java.net.URI;

/** What an API call needs: the platform server and a user's access token. */
public record RingCentralAccess(URI server, String accessToken) {

    @Override
    public String toString() {
        return "RingCentralAccess[server=" + server + "]";
    }
}
