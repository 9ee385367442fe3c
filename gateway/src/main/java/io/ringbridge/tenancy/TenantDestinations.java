package io.ringbridge.tenancy;

import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.web.ApiException;

/** The countries a tenant may send to: the list it chose and the list the operator allows it, each optional. */
@Component
public class TenantDestinations {

    /**
     * @param chosen  the countries the tenant chose to send to; {@code null}: any
     * @param allowed the countries the operator allows the tenant; {@code null}: any
     */
    public record Countries(List<String> chosen, List<String> allowed) {

        public static final Countries ANY = new Countries(null, null);

        /** Whether a number of {@code region} ({@code null} when unknown) may be sent to under both lists. */
        public boolean admit(String region) {
            return admits(chosen, region) && admits(allowed, region);
        }

        private static boolean admits(List<String> countries, String region) {
            return countries == null || (region != null && countries.contains(region));
        }
    }

    private final TenantSettings settings;

    TenantDestinations(TenantSettings settings) {
        this.settings = settings;
    }

    public Countries of(String tenantId) {
        TenantSettings.Stored stored = settings.of(tenantId);
        return new Countries(stored.chosenCountries(), stored.allowedCountries());
    }

    /**
     * Stores the tenant's own choice from a request's {@code countries} ({@code null} lifts it); the operator's
     * list still applies.
     */
    public Countries choose(String tenantId, JsonNode countries) {
        List<String> chosen = CountryCodes.parse(countries, "countries");
        if (!settings.saveChosenCountries(tenantId, chosen)) {
            throw ApiException.notFound("Tenant not found", "tenant_not_found");
        }
        return of(tenantId);
    }
}
