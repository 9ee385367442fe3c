package io.ringbridge.tenancy;

import java.util.Set;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.web.ApiException;

/** The operator's view and changes of a tenant's limits. */
@Service
class TenantLimitsService {

    private static final Set<String> FIELDS =
            Set.of("requestsPerMinute", "appRequestsPerMinute", "maxApps", "destinationCountries");
    private static final int MAX_PER_MINUTE = 1_000_000;
    private static final int MAX_APPS = 100_000;

    private final TenantService tenants;
    private final TenantSettings settings;
    private final TenantQuotas quotas;

    TenantLimitsService(TenantService tenants, TenantSettings settings, TenantQuotas quotas) {
        this.tenants = tenants;
        this.settings = settings;
        this.quotas = quotas;
    }

    TenantLimits get(String tenantId) {
        tenants.get(tenantId);
        return view(tenantId, settings.of(tenantId));
    }

    /** PATCH semantics: an absent field stays as it is, {@code null} returns it to the deployment's default. */
    TenantLimits update(String tenantId, JsonNode body) {
        tenants.get(tenantId);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Invalid JSON body", "invalid_json");
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw ApiException.invalid(field, "Unknown field " + field + "; limits are " + String.join(", ",
                        FIELDS.stream().sorted().toList()), "unknown_field");
            }
        }
        TenantSettings.Stored current = settings.of(tenantId);
        TenantSettings.Stored changed = new TenantSettings.Stored(
                number(body, "requestsPerMinute", 1, MAX_PER_MINUTE, current.requestsPerMinute()),
                number(body, "appRequestsPerMinute", 1, MAX_PER_MINUTE, current.appRequestsPerMinute()),
                number(body, "maxApps", 0, MAX_APPS, current.maxApps()),
                current.chosenCountries(),
                body.has("destinationCountries")
                        ? CountryCodes.parse(body.get("destinationCountries"), "destinationCountries")
                        : current.allowedCountries());
        if (!settings.saveLimits(tenantId, changed)) {
            throw ApiException.notFound("Tenant not found", "tenant_not_found");
        }
        return view(tenantId, changed);
    }

    private TenantLimits view(String tenantId, TenantSettings.Stored stored) {
        TenantQuotas.Quotas inForce = quotas.inForce(stored);
        return new TenantLimits(tenantId, inForce.requestsPerMinute(), inForce.appRequestsPerMinute(),
                inForce.maxApps(), stored.allowedCountries());
    }

    private static Integer number(JsonNode body, String field, int min, int max, Integer current) {
        if (!body.has(field)) {
            return current;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiException.invalid(field, field + " must be null or an integer from " + min + " to " + max,
                    "invalid_limit");
        }
        return value.asInt();
    }
}
