package io.ringbridge.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.crypto.SecretBox;
import io.ringbridge.platform.ids.IdKind;
import io.ringbridge.platform.web.ApiException;

/** Apps and their keys. Every lookup is scoped to the caller's tenant unless it is the admin. */
@Service
class AppService {

    record RotatedKey(String apiKey, String apiKeyPrefix) {
    }

    private final Apps apps;
    private final Tenants tenants;
    private final WebhookUrls webhookUrls;
    private final SecretBox secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final TenantChanges changes;
    private final TenantQuotas quotas;

    AppService(Apps apps, Tenants tenants, WebhookUrls webhookUrls, SecretBox secrets,
               TransactionTemplate transactions, Clock clock, TenantChanges changes, TenantQuotas quotas) {
        this.apps = apps;
        this.tenants = tenants;
        this.webhookUrls = webhookUrls;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
        this.changes = changes;
        this.quotas = quotas;
    }

    RegisteredApp register(Caller caller, AppRequests.Register request) {
        String name = Names.require(request.name());
        String tenantId = targetTenant(caller, request.tenantId());
        String webhookUrl = webhookUrls.validate(request.webhookUrl());
        return transactions.execute(tx -> {
            // The lock makes concurrent registrations of one tenant count one after the other, so the cap holds.
            boolean active = tenants.findLocked(tenantId).map(t -> t.status() == TenantStatus.ACTIVE).orElse(false);
            if (!active) {
                throw ApiException.invalid("tenantId", "Tenant not found or not active", "tenant_not_active");
            }
            int maxApps = quotas.of(tenantId).maxApps();
            if (apps.countActive(tenantId) >= maxApps) {
                throw new ApiException(HttpStatus.FORBIDDEN, "App limit reached: this tenant may have at most "
                        + maxApps + " apps; delete one or ask the operator to raise the limit", "app_limit_reached");
            }
            return create(tenantId, name, webhookUrl);
        });
    }

    /** Creates an app in a tenant known to be active; also used by the first-start bootstrap. */
    RegisteredApp create(String tenantId, String name, String webhookUrl) {
        Instant now = clock.instant();
        String appId = IdKind.APP.next();
        String apiKey = ApiKeys.generate();
        String webhookSecret = IdKind.WEBHOOK_SECRET.next();
        App app = new App(appId, tenantId, name, ApiKeys.prefix(apiKey), webhookUrl, "active", now, now, null);
        apps.insert(app, ApiKeys.hash(apiKey), secrets.seal(webhookSecret, webhookSecretContext(appId)));
        return new RegisteredApp(appId, name, apiKey, app.apiKeyPrefix(), Role.APP, tenantId, webhookUrl, webhookSecret);
    }

    List<App> list(Caller caller, String tenantFilter) {
        if (!caller.isAdmin()) {
            return apps.listByTenant(caller.tenantId());
        }
        if (tenantFilter == null) {
            return apps.listAll();
        }
        TenantService.requireFormat(tenantFilter);
        return apps.listByTenant(tenantFilter);
    }

    App get(Caller caller, String appId) {
        if (!IdKind.APP.matches(appId)) {
            throw ApiException.invalid("appId", "Invalid appId format", "invalid_app_id");
        }
        return apps.find(appId)
                .filter(app -> caller.mayAccess(app.tenantId()))
                .orElseThrow(() -> ApiException.notFound("App not found", "app_not_found"));
    }

    /** PUT semantics: absent fields stay, {@code "webhookUrl": null} clears the webhook. */
    App update(Caller caller, String appId, JsonNode body) {
        App app = get(caller, appId);
        if (body != null && !body.isObject() && !body.isMissingNode()) {
            throw ApiException.badRequest("Invalid JSON body", "invalid_json");
        }
        String name = app.name();
        String webhookUrl = app.webhookUrl();
        if (body != null && body.has("name")) {
            name = Names.require(text(body.get("name"), "name", Names.INVALID, Names.CODE));
        }
        if (body != null && body.has("webhookUrl")) {
            JsonNode url = body.get("webhookUrl");
            webhookUrl = url.isNull() ? null
                    : webhookUrls.validate(text(url, "webhookUrl", WebhookUrls.INVALID, WebhookUrls.CODE));
        }
        Instant now = clock.instant();
        apps.update(appId, name, webhookUrl, now);
        return new App(app.id(), app.tenantId(), name, app.apiKeyPrefix(), webhookUrl, app.status(), app.createdAt(),
                now, app.lastUsedAt());
    }

    void delete(Caller caller, String appId) {
        App app = get(caller, appId);
        if (!apps.delete(appId, clock.instant())) {
            throw ApiException.notFound("App not found", "app_not_found");
        }
        changes.changed(app.tenantId());
    }

    RotatedKey rotateKey(Caller caller, String appId) {
        App app = get(caller, appId);
        String apiKey = ApiKeys.generate();
        if (!apps.replaceKey(appId, ApiKeys.hash(apiKey), ApiKeys.prefix(apiKey), clock.instant())) {
            throw ApiException.notFound("App not found", "app_not_found");
        }
        changes.changed(app.tenantId());
        return new RotatedKey(apiKey, ApiKeys.prefix(apiKey));
    }

    static String webhookSecretContext(String appId) {
        return "app:" + appId + ":webhook_secret";
    }

    private static String targetTenant(Caller caller, String requested) {
        if (caller.isAdmin()) {
            if (requested == null) {
                throw ApiException.invalid("tenantId", "tenantId is required when registering new apps", "tenant_id_required");
            }
            TenantService.requireFormat(requested);
            return requested;
        }
        if (requested != null) {
            TenantService.requireFormat(requested);
            if (!requested.equals(caller.tenantId())) {
                throw new ApiException(HttpStatus.FORBIDDEN, "Cannot register apps in another tenant", "tenant_forbidden");
            }
        }
        return caller.tenantId();
    }

    private static String text(JsonNode node, String param, String error, String code) {
        if (!node.isString()) {
            throw ApiException.invalid(param, error, code);
        }
        return node.asString();
    }
}
