package io.ringbridge.messaging;

import static io.ringbridge.testsupport.TestGateway.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;

/**
 * docs/API.md "Destinations": refused destinations are a 400 at accept time and nothing is stored; tenants and the
 * operator restrict the countries. Each test works in tenants of its own.
 */
@SharedGateways
@EveryDatabase
class DestinationsApiTest {

    static final String FROM = "+16505550101";

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;

    @BeforeEach
    void setUp() {
        api = Gateways.shared(database).api();
        app = Fixtures.newTenantWithApp(api);
    }

    @Test
    void aUsPremiumRateNumberIsRefusedAtAcceptTime() {
        Response refused = Sms.send(api, app.apiKey(), FROM, "+19005550100", "Win a prize");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("to is a premium-rate number, which this gateway does not send to");
        assertThat(refused.text("code")).isEqualTo("destination_type_not_allowed");
        assertThat(refused.text("param")).isEqualTo("to");
        assertThat(refused.text("requestId")).isEqualTo(refused.header("X-Request-Id"));
        assertThat(history()).as("nothing stored").isZero();
    }

    @Test
    void satellitePhonesAreRefused() {
        for (String satellite : List.of("+881612345678", "+870772123456", "+88216123456")) {
            Response refused = Sms.send(api, app.apiKey(), FROM, satellite, "Hi");
            assertThat(refused.status()).as(satellite).isEqualTo(400);
            assertThat(refused.error()).isEqualTo("to is a satellite phone number, which this gateway does not send to");
            assertThat(refused.text("param")).isEqualTo("to");
        }
        assertThat(history()).isZero();
    }

    @Test
    void theTestsAndSimulatorsNumbersAreAccepted() {
        for (String to : List.of("+14155550100", "+14155550123", "+16505550103", "+15555550100", "+17775550100",
                "+18885550102", "+447700900123")) {
            assertThat(Sms.send(api, app.apiKey(), FROM, to, "Hi").status()).as(to).isEqualTo(202);
        }
    }

    @Test
    void aCallingCodeOfNoCountryIsNoE164Number() {
        Response response = Sms.send(api, app.apiKey(), FROM, "+2812345678901", "Hi");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("to and from must be valid E.164 phone numbers");
    }

    @Test
    void theDestinationIsCheckedAfterTheRequestsOtherFields() {
        Response response = Sms.send(api, app.apiKey(), FROM, "+19005550100", "a".repeat(1601));

        assertThat(response.error()).isEqualTo("body must be 1-1600 characters");
    }

    @Test
    void aTenantRestrictsItsSendsToSomeCountries() {
        Response chosen = api.put("/v1/sms/destinations", app.apiKey(), "{\"countries\":[\"ca\",\"CA\"]}");
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().path("countries").toString()).isEqualTo("[\"CA\"]");
        assertThat(chosen.json().path("operatorCountries").isNull()).isTrue();
        assertThat(chosen.json().path("refusedTypes").toString()).isEqualTo("[\"premium_rate\",\"satellite\"]");

        Response us = Sms.send(api, app.apiKey(), FROM, "+14155550100", "Hi");
        assertThat(us.status()).isEqualTo(400);
        assertThat(us.error()).isEqualTo("to is a number in US; this tenant sends only to CA");
        assertThat(us.text("code")).isEqualTo("destination_country_not_allowed");
        assertThat(us.text("param")).isEqualTo("to");
        assertThat(Sms.send(api, app.apiKey(), FROM, "+15555550100", "Hi").error())
                .isEqualTo("to is not a number of a known country; this tenant sends only to CA");
        assertThat(Sms.send(api, app.apiKey(), FROM, "+16135550123", "Hi").status()).as("Ottawa").isEqualTo(202);
        assertThat(Sms.send(api, Fixtures.newTenantWithApp(api).apiKey(), FROM, "+14155550100", "Hi").status())
                .as("other tenants are not restricted").isEqualTo(202);

        Response lifted = api.put("/v1/sms/destinations", app.apiKey(), "{\"countries\":null}");
        assertThat(lifted.json().path("countries").isNull()).isTrue();
        assertThat(Sms.send(api, app.apiKey(), FROM, "+14155550100", "Hi").status()).isEqualTo(202);
        assertThat(history()).isEqualTo(2);
    }

    @Test
    void theOperatorsCountriesBoundTheTenantsChoice() {
        Response limits = api.patch("/v1/tenants/" + app.tenantId() + "/limits", ADMIN_KEY,
                "{\"destinationCountries\":[\"US\"]}");
        assertThat(limits.json().path("destinationCountries").toString()).isEqualTo("[\"US\"]");
        Response seen = api.get("/v1/sms/destinations", app.apiKey());
        assertThat(seen.json().path("operatorCountries").toString()).isEqualTo("[\"US\"]");

        assertThat(Sms.send(api, app.apiKey(), FROM, "+16135550123", "Hi").error())
                .isEqualTo("to is a number in CA; this tenant sends only to US");
        api.put("/v1/sms/destinations", app.apiKey(), "{\"countries\":[\"US\",\"CA\"]}");
        assertThat(Sms.send(api, app.apiKey(), FROM, "+16135550123", "Hi").error())
                .as("a tenant cannot widen the operator's list").isEqualTo("to is a number in CA; this tenant sends only to US");
        assertThat(Sms.send(api, app.apiKey(), FROM, "+14155550100", "Hi").status()).isEqualTo(202);

        api.patch("/v1/tenants/" + app.tenantId() + "/limits", ADMIN_KEY, "{\"destinationCountries\":null}");
        assertThat(Sms.send(api, app.apiKey(), FROM, "+16135550123", "Hi").status()).isEqualTo(202);
    }

    @Test
    void theOperatorReadsAndSetsATenantsChoiceWithTenantId() {
        String path = "/v1/sms/destinations?tenantId=" + app.tenantId();

        Response set = api.put(path, ADMIN_KEY, "{\"countries\":[\"GB\"]}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(api.get("/v1/sms/destinations", app.apiKey()).json().path("countries").toString()).isEqualTo("[\"GB\"]");
        assertThat(api.get(path, ADMIN_KEY).json().path("countries").toString()).isEqualTo("[\"GB\"]");
        assertThat(api.get("/v1/sms/destinations", ADMIN_KEY).error()).isEqualTo("tenantId is required for admin requests");
        assertThat(api.put("/v1/sms/destinations?tenantId=tenant_" + "0".repeat(16), ADMIN_KEY, "{\"countries\":null}")
                .status()).isEqualTo(404);
    }

    @Test
    void countriesMustBeIsoCodes() {
        for (String body : List.of("{\"countries\":[\"USA\"]}", "{\"countries\":[]}", "{\"countries\":[1]}",
                "{\"countries\":\"US\"}", "{\"countries\":[\"ZZ\"]}")) {
            Response response = api.put("/v1/sms/destinations", app.apiKey(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.error()).as(body)
                    .isEqualTo("countries must be null or a non-empty list of ISO 3166 country codes such as \"US\"");
            assertThat(response.text("param")).isEqualTo("countries");
        }
        assertThat(api.put("/v1/sms/destinations", app.apiKey(), "[]").error()).isEqualTo("Invalid JSON body");
        assertThat(api.get("/v1/sms/destinations", app.apiKey()).json().path("countries").isNull()).isTrue();
    }

    private int history() {
        return api.get("/v1/sms/messages", app.apiKey()).json().path("messages").size();
    }
}
