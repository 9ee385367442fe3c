package io.ringbridge.connection;

import io.ringbridge.ringcentral.RingCentralApp;

/**
 * The RingCentral app the gateway uses for tenants that did not bring their own: the operator's configured
 * app, or, in sandbox mode, the app pre-registered in the built-in simulator.
 */
public interface OperatorRingCentral {

    RingCentralApp app();

    /** True when RingCentral is the built-in simulator: every page says so. */
    boolean sandbox();
}
