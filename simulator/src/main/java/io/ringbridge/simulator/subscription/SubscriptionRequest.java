package io.ringbridge.simulator.subscription;

import io.ringbridge.simulator.http.RcErrors;
import io.ringbridge.simulator.oauth.Caller;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads and checks the parts of a create/update subscription request, with RingCentral's error answers. */
final class SubscriptionRequest {
    private SubscriptionRequest() {
    }

    record Filters(List<EventFilter> enabled, List<Subscription.DisabledFilter> disabled) {
    }

    /** Expands {@code ~}, checks ownership (SUB-405/406) and shape (SUB-508), splits off filters lacking permission. */
    static Filters filters(JsonNode node, Caller caller) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw RcErrors.invalidParameter("eventFilters");
        }
        List<EventFilter> enabled = new ArrayList<>();
        List<Subscription.DisabledFilter> disabled = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (JsonNode item : node) {
            String raw = item.isString() ? item.asString() : "";
            if (raw.isBlank()) {
                throw RcErrors.invalidParameter("eventFilters");
            }
            String expanded = EventFilter.expand(raw, caller.account().id(), caller.extension().id());
            EventFilter filter = EventFilter.parse(expanded);
            if (filter == null) {
                invalid.add(raw);
                continue;
            }
            if (filter.kind() == EventFilter.Kind.INSTANT_MESSAGE || filter.kind() == EventFilter.Kind.MESSAGE_STORE) {
                if (filter.accountId() != caller.account().id()) {
                    throw RcErrors.api(403, "SUB-406", "Not allowed subscribe for events to extensions of other account");
                }
                if (filter.extensionId() != caller.extension().id()) {
                    throw RcErrors.api(403, "SUB-405", "Not allowed subscribe for messages to other extensions");
                }
            }
            if (filter.needsReadMessages() && !caller.app().has("ReadMessages")) {
                disabled.add(new Subscription.DisabledFilter(expanded, "Permission",
                        "In order to subscribe to this event filter, application needs to have [ReadMessages] permission"));
                continue;
            }
            enabled.add(filter);
        }
        if (!invalid.isEmpty()) {
            throw RcErrors.parameter(400, "SUB-508",
                    "Invalid event filters: [" + String.join(", ", invalid) + "]", "eventFilters");
        }
        return new Filters(enabled, disabled);
    }

    /** {@code deliveryMode.address}: an absolute http(s) URI. */
    static URI address(JsonNode node) {
        if (node == null || !node.isString()) {
            throw RcErrors.invalidParameter("deliveryMode.address");
        }
        try {
            URI uri = new URI(node.asString());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw RcErrors.invalidParameter("deliveryMode.address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw RcErrors.invalidParameter("deliveryMode.address");
        }
    }

    /** Top-level {@code expiresIn}: integer ≥ 1, capped at the WebHook maximum; absent = default. */
    static long expiresIn(JsonNode node, SubscriptionSettings settings) {
        if (node == null || node.isNull()) {
            return settings.defaultExpiresIn().toSeconds();
        }
        if (!node.isIntegralNumber() || node.asLong() < 1) {
            throw RcErrors.invalidParameter("expiresIn");
        }
        return Math.min(node.asLong(), settings.maxExpiresIn().toSeconds());
    }

}
