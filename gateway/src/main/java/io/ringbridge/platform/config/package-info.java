/**
 * The gateway's settings ({@code RingBridgeProperties}, {@code PublicUrl}, {@code Mode}) and the refusal of a
 * configuration that cannot work ({@code StartupRefusedException}), reported in one line before any bean exists.
 */
@NamedInterface("config")
package io.ringbridge.platform.config;

import org.springframework.modulith.NamedInterface;
