package io.ringbridge.connection;

import java.net.URI;

/**
 * The RingCentral app a tenant connects through, never its secret.
 *
 * @param custom whether it is the tenant's own app rather than the operator's
 */
record RingCentralAppView(String clientId, String server, boolean custom) {

    static RingCentralAppView of(String clientId, URI server, boolean custom) {
        return new RingCentralAppView(clientId, server.toString(), custom);
    }
}
