package io.ringbridge.tenancy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was set for one tenant beyond its name and status: its own budgets and app cap (the operator's), and the
 * countries it may send to (the operator's list and its own). Unset values follow the deployment's defaults.
 *
 * <p>Every API request reads the budgets, so answers are kept for {@link #FRESH_FOR}, like API keys
 * (docs/decisions/0003): a change applies at once on the instance that made it and within that time on others.
 */
@Repository
class TenantSettings {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /**
     * The stored values; {@code null} means "not set".
     *
     * @param chosenCountries the countries the tenant chose to send to
     * @param allowedCountries the countries the operator allows the tenant
     */
    record Stored(Integer requestsPerMinute, Integer appRequestsPerMinute, Integer maxApps,
                  List<String> chosenCountries, List<String> allowedCountries) {

        static final Stored NONE = new Stored(null, null, null, null, null);
    }

    private final JdbcClient jdbc;
    private final Cache<String, Stored> known = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(FRESH_FOR).build();

    TenantSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's settings; an unknown tenant has none. */
    Stored of(String tenantId) {
        return known.get(tenantId, id -> read(id).orElse(Stored.NONE));
    }

    /** Stores the operator's values; returns whether the tenant exists. */
    boolean saveLimits(String tenantId, Stored values) {
        int updated = jdbc.sql("""
                        UPDATE tenant SET requests_per_minute = :requests, app_requests_per_minute = :appRequests,
                                          max_apps = :maxApps, operator_destination_countries = :allowed
                        WHERE id = :id
                        """)
                .param("requests", values.requestsPerMinute())
                .param("appRequests", values.appRequestsPerMinute())
                .param("maxApps", values.maxApps())
                .param("allowed", join(values.allowedCountries()))
                .param("id", tenantId)
                .update();
        known.invalidate(tenantId);
        return updated == 1;
    }

    /** Stores the countries the tenant chose; returns whether the tenant exists. */
    boolean saveChosenCountries(String tenantId, List<String> countries) {
        int updated = jdbc.sql("UPDATE tenant SET destination_countries = :countries WHERE id = :id")
                .param("countries", join(countries))
                .param("id", tenantId)
                .update();
        known.invalidate(tenantId);
        return updated == 1;
    }

    private Optional<Stored> read(String tenantId) {
        return jdbc.sql("""
                        SELECT requests_per_minute, app_requests_per_minute, max_apps, destination_countries,
                               operator_destination_countries
                        FROM tenant WHERE id = :id
                        """)
                .param("id", tenantId)
                .query((rs, row) -> new Stored(
                        rs.getObject("requests_per_minute", Integer.class),
                        rs.getObject("app_requests_per_minute", Integer.class),
                        rs.getObject("max_apps", Integer.class),
                        split(rs.getString("destination_countries")),
                        split(rs.getString("operator_destination_countries"))))
                .optional();
    }

    private static String join(List<String> countries) {
        return countries == null ? null : String.join(",", countries);
    }

    private static List<String> split(String countries) {
        return countries == null ? null : Arrays.asList(countries.split(","));
    }
}
