package io.ringbridge.tenancy;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.platform.web.ApiException;

/** An app's outgoing webhook address: absolute http(s), https only in production, at most 2000 characters. */
@Component
class WebhookUrls {

    static final String INVALID = "Invalid webhookUrl: must be https:// in production, max 2000 chars";
    static final String CODE = "invalid_webhook_url";

    private final boolean production;

    WebhookUrls(RingBridgeProperties properties) {
        this.production = properties.production();
    }

    /** @return the URL to store, or {@code null} for none */
    String validate(String url) {
        if (url == null) {
            return null;
        }
        if (url.isBlank() || url.length() > 2000) {
            throw invalid();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean allowed = scheme.equals("https") || (!production && scheme.equals("http"));
        if (!allowed || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid();
        }
        return url;
    }

    private static ApiException invalid() {
        return ApiException.invalid("webhookUrl", INVALID, CODE);
    }
}
