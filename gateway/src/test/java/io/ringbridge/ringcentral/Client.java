package io.ringbridge.ringcentral;

import java.time.Duration;

/**
 * The three client beans, built on one shared HTTP client exactly as {@link RingCentralClientConfiguration}
 * builds them, without a Spring context.
 */
record Client(RingCentralOAuth oauth, RingCentralApi api, RingCxApi ringCx) {

    /** The production default connect timeout; the request timeout is what a test wants to provoke. */
    static Client create(Duration requestTimeout) {
        RingCentralHttp http = RingCentralClientConfiguration.http(Duration.ofSeconds(5), requestTimeout);
        return new Client(new RingCentralOAuth(http), new RingCentralApi(http), new RingCxApi(http));
    }

    static Client create() {
        return create(Duration.ofSeconds(10));
    }
}
