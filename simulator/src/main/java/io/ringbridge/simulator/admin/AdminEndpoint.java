package io.ringbridge.simulator.admin;

import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.Directory;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.directory.PhoneNumber;
import io.ringbridge.simulator.faults.FaultKind;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.http.ApiException;
import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.Json;
import io.ringbridge.simulator.http.Router;
import io.ringbridge.simulator.faults.Operations;
import io.ringbridge.simulator.limits.GroupLimit;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.limits.RateLimitSettings;
import io.ringbridge.simulator.oauth.OAuthSettings;
import io.ringbridge.simulator.ringcx.RingCxRules;
import io.ringbridge.simulator.sms.DeliveryOutcome;
import io.ringbridge.simulator.sms.DeliveryRule;
import io.ringbridge.simulator.sms.DeliverySettings;
import io.ringbridge.simulator.subscription.SubscriptionSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP admin API under {@code {base}/admin}. JSON in and out; durations are milliseconds ({@code …Ms}).
 * See {@code simulator/README.md} for the routes.
 */
public final class AdminEndpoint {
    private final SimulatorAdmin admin;
    private final String adminKey;

    public AdminEndpoint(SimulatorAdmin admin, String adminKey) {
        this.admin = admin;
        this.adminKey = adminKey;
    }

    /** Registers every admin route on the router. */
    public void routes(Router router) {
        String op = Operations.ADMIN;
        router.add("GET", "/admin/directory", op, guarded(ex -> ex.json(admin.directory())))
                .add("PUT", "/admin/directory", op, guarded(ex -> {
                    admin.replaceDirectory(read(ex, Directory.class));
                    ex.json(admin.directory());
                }))
                .add("POST", "/admin/accounts", op, guarded(ex -> ex.json(201, admin.addAccount(read(ex, Account.class)))))
                .add("POST", "/admin/accounts/{accountId}/extensions", op, guarded(ex -> ex.json(201,
                        admin.addExtension(id(ex, "accountId"), read(ex, Extension.class)))))
                .add("POST", "/admin/extensions/{extensionId}/phone-numbers", op, guarded(ex -> ex.json(201,
                        admin.addPhoneNumber(id(ex, "extensionId"), read(ex, PhoneNumber.class)))))
                .add("POST", "/admin/apps", op, guarded(ex -> ex.json(201, admin.addApp(read(ex, App.class)))))
                .add("GET", "/admin/settings", op, guarded(ex -> ex.json(settings())))
                .add("PUT", "/admin/rate-limits", op, guarded(this::putRateLimits))
                .add("PUT", "/admin/oauth", op, guarded(this::putOAuth))
                .add("PUT", "/admin/delivery", op, guarded(this::putDelivery))
                .add("PUT", "/admin/subscription-settings", op, guarded(this::putSubscriptionSettings))
                .add("PUT", "/admin/ringcx", op, guarded(this::putRingCx))
                .add("GET", "/admin/faults", op, guarded(ex -> ex.json(admin.faults())))
                .add("POST", "/admin/faults", op, guarded(ex -> {
                    admin.addFault(fault(body(ex)));
                    ex.json(admin.faults());
                }))
                .add("PUT", "/admin/faults", op, guarded(ex -> {
                    List<FaultRule> rules = new ArrayList<>();
                    for (JsonNode node : body(ex)) {
                        rules.add(fault(node));
                    }
                    admin.faults(rules);
                    ex.json(admin.faults());
                }))
                .add("DELETE", "/admin/faults", op, guarded(ex -> {
                    admin.clearFaults();
                    ex.noContent();
                }))
                .add("GET", "/admin/subscriptions", op, guarded(ex -> ex.json(admin.subscriptions())))
                .add("POST", "/admin/subscriptions/{id}/blacklist", op, guarded(ex -> {
                    JsonNode body = ex.body().length == 0 ? null : body(ex);
                    String reason = body == null || body.get("reason") == null ? null : body.get("reason").asString();
                    found(admin.blacklistSubscription(ex.pathParam("id"), reason), "subscription");
                    ex.noContent();
                }))
                .add("DELETE", "/admin/subscriptions/{id}", op, guarded(ex -> {
                    found(admin.deleteSubscription(ex.pathParam("id")), "subscription");
                    ex.noContent();
                }))
                .add("GET", "/admin/sessions", op, guarded(ex -> ex.json(admin.sessions())))
                .add("POST", "/admin/sessions/{id}/revoke", op, guarded(ex -> {
                    found(admin.revokeSession(ex.pathParam("id")), "session");
                    ex.noContent();
                }))
                .add("GET", "/admin/messages", op, guarded(ex -> ex.json(admin.messages())))
                .add("GET", "/admin/send-counts", op, guarded(ex -> ex.json(admin.sendCounts())))
                .add("GET", "/admin/counters", op, guarded(ex -> ex.json(admin.counters())))
                .add("POST", "/admin/reset", op, guarded(ex -> {
                    admin.reset();
                    ex.noContent();
                }));
    }

    private io.ringbridge.simulator.http.Handler guarded(io.ringbridge.simulator.http.Handler handler) {
        return exchange -> {
            if (adminKey != null) {
                String given = exchange.header("X-Admin-Key");
                if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                        adminKey.getBytes(StandardCharsets.UTF_8))) {
                    throw error(401, "admin_key_required", "Header X-Admin-Key is missing or wrong");
                }
            }
            try {
                handler.handle(exchange);
            } catch (IllegalArgumentException | NullPointerException | JacksonException e) {
                throw error(400, "invalid_request", String.valueOf(e.getMessage()));
            }
        };
    }

    private Map<String, Object> settings() {
        Map<String, Object> out = new LinkedHashMap<>();
        OAuthSettings o = admin.oauth();
        out.put("oauth", Map.of("accessTokenMs", o.accessTokenTtl().toMillis(),
                "refreshTokenMs", o.refreshTokenTtl().toMillis(), "graceAfterUseMs", o.graceAfterUse().toMillis(),
                "graceUnusedMs", o.graceUnused().toMillis(), "authCodeMs", o.authCodeTtl().toMillis(),
                "sessionCap", o.sessionCap()));
        RateLimitSettings r = admin.rateLimits();
        Map<String, Object> groups = new LinkedHashMap<>();
        for (Entry<RateGroup, GroupLimit> e : r.groups().entrySet()) {
            groups.put(e.getKey().label(), Map.of("limit", e.getValue().limit(),
                    "windowMs", e.getValue().window().toMillis(), "penaltyMs", e.getValue().penalty().toMillis()));
        }
        out.put("rateLimits", Map.of("enabled", r.enabled(), "groups", groups));
        DeliverySettings d = admin.delivery();
        out.put("delivery", Map.of("sentAfterMs", d.sentAfter().toMillis(), "finalAfterMs", d.finalAfter().toMillis(),
                "rules", d.rules()));
        SubscriptionSettings s = admin.subscriptionSettings();
        out.put("subscriptions", Map.of("defaultExpiresInMs", s.defaultExpiresIn().toMillis(),
                "maxExpiresInMs", s.maxExpiresIn().toMillis(), "perUserAndApp", s.perUserAndApp(),
                "handshakeTimeoutMs", s.handshakeTimeout().toMillis(), "handshakeMaxBytes", s.handshakeMaxBytes(),
                "deliveryTimeoutMs", s.deliveryTimeout().toMillis(), "blacklistAfterMs", s.blacklistAfter().toMillis()));
        RingCxRules x = admin.ringCx();
        out.put("ringCx", Map.of("accessTokenMs", x.accessTokenTtl().toMillis(),
                "refreshTokenMs", x.refreshTokenTtl().toMillis(), "exchangesPerMinute", x.exchangesPerMinute()));
        out.put("faults", admin.faults());
        return out;
    }

    /** {@code {"enabled":true,"groups":{"Medium":{"limit":40,"windowMs":60000,"penaltyMs":60000}}}}. */
    private void putRateLimits(Exchange ex) {
        JsonNode body = body(ex);
        RateLimitSettings current = admin.rateLimits();
        boolean enabled = body.has("enabled") ? body.get("enabled").asBoolean() : current.enabled();
        Map<RateGroup, GroupLimit> groups = new EnumMap<>(current.groups());
        JsonNode given = body.get("groups");
        if (given != null) {
            for (Entry<String, JsonNode> e : given.properties()) {
                RateGroup group = RateGroup.parse(e.getKey());
                GroupLimit old = groups.get(group);
                JsonNode g = e.getValue();
                groups.put(group, new GroupLimit(g.has("limit") ? g.get("limit").asInt() : old.limit(),
                        ms(g, "windowMs", old.window()), ms(g, "penaltyMs", old.penalty())));
            }
        }
        admin.rateLimits(new RateLimitSettings(enabled, groups));
        ex.json(settings().get("rateLimits"));
    }

    private void putOAuth(Exchange ex) {
        JsonNode b = body(ex);
        OAuthSettings o = admin.oauth();
        admin.oauth(new OAuthSettings(ms(b, "accessTokenMs", o.accessTokenTtl()),
                ms(b, "refreshTokenMs", o.refreshTokenTtl()), ms(b, "graceAfterUseMs", o.graceAfterUse()),
                ms(b, "graceUnusedMs", o.graceUnused()), ms(b, "authCodeMs", o.authCodeTtl()),
                b.has("sessionCap") ? b.get("sessionCap").asInt() : o.sessionCap()));
        ex.json(settings().get("oauth"));
    }

    /** {@code {"sentAfterMs":100,"finalAfterMs":200,"rules":[{"toPattern":"\\+1555.*","outcome":"DELIVERY_FAILED","errorCode":"SMS-CAR-411"}]}}. */
    private void putDelivery(Exchange ex) {
        JsonNode b = body(ex);
        DeliverySettings d = admin.delivery();
        List<DeliveryRule> rules = d.rules();
        if (b.has("rules")) {
            rules = new ArrayList<>();
            for (JsonNode r : b.get("rules")) {
                rules.add(new DeliveryRule(r.get("toPattern").asString(),
                        DeliveryOutcome.valueOf(r.get("outcome").asString()),
                        r.has("errorCode") ? r.get("errorCode").asString() : null));
            }
        }
        admin.delivery(new DeliverySettings(ms(b, "sentAfterMs", d.sentAfter()), ms(b, "finalAfterMs", d.finalAfter()),
                rules));
        ex.json(settings().get("delivery"));
    }

    private void putSubscriptionSettings(Exchange ex) {
        JsonNode b = body(ex);
        SubscriptionSettings s = admin.subscriptionSettings();
        admin.subscriptionSettings(new SubscriptionSettings(ms(b, "defaultExpiresInMs", s.defaultExpiresIn()),
                ms(b, "maxExpiresInMs", s.maxExpiresIn()),
                b.has("perUserAndApp") ? b.get("perUserAndApp").asInt() : s.perUserAndApp(),
                ms(b, "handshakeTimeoutMs", s.handshakeTimeout()),
                b.has("handshakeMaxBytes") ? b.get("handshakeMaxBytes").asInt() : s.handshakeMaxBytes(),
                ms(b, "deliveryTimeoutMs", s.deliveryTimeout()), ms(b, "blacklistAfterMs", s.blacklistAfter())));
        ex.json(settings().get("subscriptions"));
    }

    private void putRingCx(Exchange ex) {
        JsonNode b = body(ex);
        RingCxRules x = admin.ringCx();
        admin.ringCx(new RingCxRules(ms(b, "accessTokenMs", x.accessTokenTtl()), ms(b, "refreshTokenMs",
                x.refreshTokenTtl()), b.has("exchangesPerMinute") ? b.get("exchangesPerMinute").asInt()
                : x.exchangesPerMinute()));
        ex.json(settings().get("ringCx"));
    }

    /** {@code {"operation":"sendSms","kind":"LOST_RESPONSE","fraction":1,"count":1}} and friends. */
    static FaultRule fault(JsonNode b) {
        return new FaultRule(b.get("operation").asString(), FaultKind.valueOf(b.get("kind").asString()),
                b.has("fraction") ? b.get("fraction").asDouble() : 1.0,
                b.has("count") && !b.get("count").isNull() ? b.get("count").asInt() : null,
                b.has("latencyMs") ? b.get("latencyMs").asLong() : null,
                b.has("status") ? b.get("status").asInt() : null,
                b.has("retryAfterSeconds") ? b.get("retryAfterSeconds").asLong() : null,
                b.has("hangMs") ? b.get("hangMs").asLong() : null);
    }

    private static Duration ms(JsonNode body, String field, Duration fallback) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? fallback : Duration.ofMillis(node.asLong());
    }

    private static JsonNode body(Exchange ex) {
        JsonNode node = Json.MAPPER.readTree(ex.body());
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return node;
    }

    private static <T> T read(Exchange ex, Class<T> type) {
        return Json.MAPPER.readValue(ex.body(), type);
    }

    private static long id(Exchange ex, String name) {
        try {
            return Long.parseLong(ex.pathParam(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be numeric");
        }
    }

    private static void found(boolean found, String what) {
        if (!found) {
            throw error(404, "not_found", "No such " + what);
        }
    }

    private static ApiException error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return new ApiException(status, body);
    }
}
