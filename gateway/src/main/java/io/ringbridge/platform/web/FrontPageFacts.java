package io.ringbridge.platform.web;

import java.net.URI;

/** What the front page tells a visitor about the RingCentral behind this gateway; the module that knows provides it. */
public interface FrontPageFacts {

    /** True when RingCentral is simulated by this gateway itself (sandbox mode): no real SMS is sent. */
    boolean sandbox();

    /** The RingCentral API server the gateway talks to for tenants without their own app. */
    URI ringCentralServer();
}
