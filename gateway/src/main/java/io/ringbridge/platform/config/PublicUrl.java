package io.ringbridge.platform.config;

import java.net.URI;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The base URL browsers and RingCentral use to reach this gateway: {@code RINGBRIDGE_PUBLIC_URL}, or in
 * development, when unset, {@code http://localhost:<port>} once the server knows its port.
 */
@Component
public class PublicUrl {

    private final String configured;
    private volatile String fromServer;

    PublicUrl(RingBridgeProperties properties) {
        this.configured = trimTrailingSlash(properties.publicUrl());
    }

    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if (fromServer == null) {
            fromServer = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    /** The base URL without a trailing slash. */
    public String base() {
        String value = configured != null ? configured : fromServer;
        if (value == null) {
            throw new IllegalStateException("The public URL is not known before the web server has started");
        }
        return value;
    }

    public URI resolve(String path) {
        return URI.create(base() + path);
    }

    private static String trimTrailingSlash(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
