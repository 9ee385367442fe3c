/**
 * A thin, typed client for the parts of RingCentral's API the gateway uses: OAuth (authorize URL, code and
 * refresh grants, revoke), the current extension and its phone numbers, SMS, the message store, webhook
 * subscriptions, and the RingCX token exchange.
 *
 * <p>It holds no token state: every call receives the server and credentials it needs, so one instance (one
 * shared {@link java.net.http.HttpClient}) serves every tenant. Every answer that is not 2xx becomes a
 * {@link io.ringbridge.ringcentral.RingCentralException}; a call that got no usable answer becomes a
 * {@link io.ringbridge.ringcentral.RingCentralUnreachableException}. Depends on nothing else in the project.
 */
@ApplicationModule(displayName = "RingCentral client", allowedDependencies = {})
package io.ringbridge.ringcentral;

import org.springframework.modulith.ApplicationModule;
