package io.ringbridge.simulator.subscription;

import io.ringbridge.simulator.http.Times;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code SubscriptionInfo}: the verification token is never echoed. */
final class SubscriptionJson {
    private SubscriptionJson() {
    }

    static Map<String, Object> info(Subscription s) {
        long now = System.currentTimeMillis();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uri", s.baseUrl + "/restapi/v1.0/subscription/" + s.id);
        body.put("id", s.id);
        body.put("creationTime", Times.iso(s.createdAtMillis));
        body.put("status", s.blacklisted ? "Blacklisted" : "Active");
        List<String> filters = new ArrayList<>();
        for (EventFilter f : s.filters) {
            filters.add(f.text());
        }
        body.put("eventFilters", filters);
        if (!s.disabledFilters.isEmpty()) {
            List<Map<String, Object>> disabled = new ArrayList<>();
            for (Subscription.DisabledFilter d : s.disabledFilters) {
                disabled.add(Map.of("filter", d.filter(), "reason", d.reason(), "message", d.message()));
            }
            body.put("disabledFilters", disabled);
        }
        body.put("expirationTime", Times.iso(s.expiresAtMillis));
        body.put("expiresIn", (int) Math.max(1, Math.min(Integer.MAX_VALUE, (s.expiresAtMillis - now) / 1000)));
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("transportType", "WebHook");
        delivery.put("encryption", false);
        delivery.put("address", s.address);
        body.put("deliveryMode", delivery);
        if (s.blacklisted) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("blacklistedAt", Times.iso(s.blacklistedAtMillis));
            data.put("reason", s.blacklistReason);
            body.put("blacklistedData", data);
        }
        return body;
    }
}
