/**
 * Sandbox mode: in development with no RingCentral app configured, the gateway serves the RingCentral simulator
 * itself under {@code /sandbox/ringcentral} and talks to it over real HTTP as it would to RingCentral, with a demo
 * account of two users with SMS numbers and an app registered with this gateway's callback. The simulator's state is
 * kept under the data directory, so sandbox connections survive a restart. Every URL it hands out starts with the
 * public URL. Its control routes answer loopback clients only; production never mounts it. The only module that
 * uses the simulator; nothing uses this one.
 */
package io.ringbridge.sandbox;
