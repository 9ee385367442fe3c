package io.ringbridge.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox mode's settings ({@code ringbridge.sandbox.*}).
 *
 * @param controlLoopbackOnly Whether the simulator's control routes ({@code /sandbox/ringcentral/admin/**}, which
 *        list the sandbox app's secret and every tenant's messages, and {@code /sandbox/ringcentral/inbound}, which
 *        makes up inbound SMS) answer only clients on this machine; {@code false} opens them to every client that
 *        reaches the gateway
 */
@ConfigurationProperties("ringbridge.sandbox")
public record SandboxProperties(@DefaultValue("true") boolean controlLoopbackOnly) {
}
