package io.ringbridge.simulator.subscription;

import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.RcErrors;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.oauth.ApiAccess;
import io.ringbridge.simulator.oauth.Caller;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * {@code /restapi/v1.0/subscription[/{id}[/renew]]}: create (with the validation handshake), get, list (own
 * only), update, renew, delete. Also the admin-side blacklist/delete and the periodic purge of expired ones.
 */
public final class SubscriptionEndpoint implements AutoCloseable {
    private final ApiAccess access;
    private final SubscriptionStore store = new SubscriptionStore();
    private volatile SubscriptionSettings settings;
    private final NotificationDispatcher dispatcher;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rc-sim-subscription-sweeper");
        t.setDaemon(true);
        // not the caller's (possibly a web app's) class loader: the timer outlives requests
        t.setContextClassLoader(SubscriptionEndpoint.class.getClassLoader());
        return t;
    });

    public SubscriptionEndpoint(ApiAccess access, SubscriptionSettings settings) {
        this.access = access;
        this.settings = settings;
        this.dispatcher = new NotificationDispatcher(store, () -> this.settings);
        sweeper.scheduleWithFixedDelay(store::purgeExpired, 1, 1, TimeUnit.SECONDS);
        sweeper.scheduleWithFixedDelay(() -> dispatcher.remind(store.live()), 250, 250, TimeUnit.MILLISECONDS);
    }

    public NotificationDispatcher dispatcher() {
        return dispatcher;
    }

    public SubscriptionSettings settings() {
        return settings;
    }

    public void settings(SubscriptionSettings next) {
        this.settings = next;
    }

    public void create(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.MEDIUM, "WebhookSubscriptions");
        JsonNode body = exchange.jsonBody();
        if (body == null || !body.isObject()) {
            throw RcErrors.api(400, "CMN-103", "JSON can't be parsed.");
        }
        SubscriptionSettings current = settings;
        SubscriptionRequest.Filters filters = SubscriptionRequest.filters(body.get("eventFilters"), caller);
        JsonNode mode = body.get("deliveryMode");
        if (mode == null || !mode.isObject()) {
            throw RcErrors.invalidParameter("deliveryMode");
        }
        JsonNode transport = mode.get("transportType");
        if (transport == null || !"WebHook".equals(transport.asString(""))) {
            throw RcErrors.invalidParameter("deliveryMode.transportType");
        }
        URI address = SubscriptionRequest.address(mode.get("address"));
        JsonNode tokenNode = mode.get("verificationToken");
        String verificationToken = tokenNode == null || tokenNode.isNull() ? null : tokenNode.asString("");
        long expiresInSeconds = SubscriptionRequest.expiresIn(body.get("expiresIn"), current);
        if (store.of(caller.extension().id(), caller.app().clientId()).size() >= current.perUserAndApp()) {
            throw RcErrors.api(403, "SUB-505", "Subscriptions limit exceeded");
        }
        WebhookHandshake.Result verdict = WebhookHandshake.validate(address, verificationToken,
                current.handshakeTimeout(), current.handshakeMaxBytes());
        if (verdict instanceof WebhookHandshake.Unreachable) {
            throw RcErrors.invalidParameter("deliveryMode.address");
        }
        if (verdict instanceof WebhookHandshake.Invalid) {
            throw RcErrors.api(400, "SUB-525", "WebHook server response is invalid");
        }
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), caller.app().clientId(),
                caller.account().id(), caller.extension().id(), address.toString(), verificationToken,
                exchange.baseUrl(), filters.enabled(), filters.disabled(),
                System.currentTimeMillis() + expiresInSeconds * 1000);
        store.add(subscription);
        exchange.json(SubscriptionJson.info(subscription));
    }

    public void get(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.LIGHT, null);
        exchange.json(SubscriptionJson.info(own(exchange, caller)));
    }

    public void list(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.LIGHT, null);
        List<Map<String, Object>> records = new ArrayList<>();
        for (Subscription s : store.of(caller.extension().id(), caller.app().clientId())) {
            records.add(SubscriptionJson.info(s));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uri", exchange.baseUrl() + "/restapi/v1.0/subscription");
        body.put("records", records);
        exchange.json(body);
    }

    public void renew(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.LIGHT, null);
        Subscription s = own(exchange, caller);
        s.expiresAtMillis = System.currentTimeMillis() + settings.defaultExpiresIn().toMillis();
        s.lastReminderMillis = 0;
        exchange.json(SubscriptionJson.info(s));
    }

    /** PUT: only {@code eventFilters} and {@code expiresIn} count; an empty body is a renew. */
    public void update(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.MEDIUM, null);
        Subscription s = own(exchange, caller);
        JsonNode body = exchange.jsonBody();
        SubscriptionSettings current = settings;
        if (body == null || (body.isObject() && body.isEmpty())) {
            s.expiresAtMillis = System.currentTimeMillis() + current.defaultExpiresIn().toMillis();
            s.lastReminderMillis = 0;
            exchange.json(SubscriptionJson.info(s));
            return;
        }
        if (!body.isObject()) {
            throw RcErrors.api(400, "CMN-103", "JSON can't be parsed.");
        }
        SubscriptionRequest.Filters filters = body.has("eventFilters")
                ? SubscriptionRequest.filters(body.get("eventFilters"), caller) : null;
        long expiresIn = SubscriptionRequest.expiresIn(body.get("expiresIn"), current);
        synchronized (s) {
            if (filters != null) {
                s.filters = filters.enabled();
                s.disabledFilters = filters.disabled();
            }
            s.expiresAtMillis = System.currentTimeMillis() + expiresIn * 1000;
            s.lastReminderMillis = 0;
        }
        exchange.json(SubscriptionJson.info(s));
    }

    public void delete(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.MEDIUM, null);
        Subscription s = own(exchange, caller);
        store.remove(s.id);
        exchange.noContent();
    }

    /** Admin: blacklist a subscription as if its deliveries had kept failing. */
    public boolean blacklist(String id, String reason) {
        return store.find(id).map(s -> {
            s.blacklist(reason == null ? "Blacklisted by the simulator's admin API" : reason);
            return true;
        }).orElse(false);
    }

    /** Admin: delete a subscription of anyone. */
    public boolean remove(String id) {
        return store.remove(id);
    }

    /** Admin: every live subscription, with owner and app. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Subscription s : store.live()) {
            Map<String, Object> info = new LinkedHashMap<>(SubscriptionJson.info(s));
            info.put("clientId", s.clientId);
            info.put("extensionId", Long.toString(s.extensionId));
            list.add(info);
        }
        return list;
    }

    public void reset() {
        store.reset();
    }

    /** Live subscriptions, for the state file. */
    public List<Subscription.Saved> snapshot() {
        return store.snapshot();
    }

    public void restore(List<Subscription.Saved> saved) {
        store.restore(saved);
    }

    private Subscription own(Exchange exchange, Caller caller) {
        String id = exchange.pathParam("subscriptionId");
        return store.find(id)
                .filter(s -> s.extensionId == caller.extension().id() && s.clientId.equals(caller.app().clientId()))
                .orElseThrow(() -> RcErrors.notFound("subscriptionId"));
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        dispatcher.close();
    }
}
