package io.ringbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ringbridge.tenancy.TenantDestinations.Countries;

/** How numbers are classified (libphonenumber) and which ones the policy refuses. */
class DestinationPolicyTest {

    private final DestinationPolicy defaults = new DestinationPolicy(Set.of(NumberKind.PREMIUM_RATE, NumberKind.SATELLITE));

    @Test
    void numbersAreClassifiedByCountryAndKind() {
        assertThat(Destination.of("+19005550100")).contains(new Destination("US", NumberKind.PREMIUM_RATE));
        assertThat(Destination.of("+33899123456")).contains(new Destination("FR", NumberKind.PREMIUM_RATE));
        assertThat(Destination.of("+18885550102")).contains(new Destination("US", NumberKind.TOLL_FREE));
        assertThat(Destination.of("+442079460000")).contains(new Destination("GB", NumberKind.FIXED_LINE));
        assertThat(Destination.of("+33012345678")).as("outside the allocated ranges of a one-country code")
                .contains(new Destination("FR", NumberKind.UNKNOWN));
        assertThat(Destination.of("+447700900123")).as("outside the allocated ranges of +44, shared by GB, GG, IM, JE")
                .contains(new Destination(null, NumberKind.UNKNOWN));
        assertThat(Destination.of("+16135550123").orElseThrow().region()).isEqualTo("CA");
        assertThat(Destination.of("+881612345678")).as("Iridium").contains(new Destination(null, NumberKind.SATELLITE));
        assertThat(Destination.of("+870772123456")).as("Inmarsat").contains(new Destination(null, NumberKind.SATELLITE));
        assertThat(Destination.of("+88216123456")).as("Thuraya").contains(new Destination(null, NumberKind.SATELLITE));
        assertThat(Destination.of("+80012345678").orElseThrow().kind()).as("international freephone")
                .isEqualTo(NumberKind.TOLL_FREE);
    }

    /** The numbers the simulator and the tests use must stay ordinary destinations. */
    @Test
    void theTestNumbersAreOrdinaryDestinations() {
        for (String number : List.of("+14155550100", "+14155550123", "+16505550101", "+16505550103")) {
            assertThat(Destination.of(number)).as(number).contains(new Destination("US", NumberKind.FIXED_LINE_OR_MOBILE));
            assertThat(defaults.check(Destination.of(number).orElseThrow(), Countries.ANY)).as(number).isEmpty();
        }
        // 555 area codes and too-short numbers have E.164's shape but no country: allowed unless countries are set.
        for (String number : List.of("+15555550100", "+17775550100", "+1234567890", "+123456789012345", "+9876543210")) {
            Destination destination = Destination.of(number).orElseThrow();
            assertThat(destination.kind()).as(number).isEqualTo(NumberKind.UNKNOWN);
            assertThat(defaults.check(destination, Countries.ANY)).as(number).isEmpty();
        }
    }

    @Test
    void aCallingCodeAssignedToNoCountryIsNoNumber() {
        assertThat(Destination.of("+2812345678901")).isEmpty();
    }

    @Test
    void premiumRateAndSatelliteAreRefusedByDefault() {
        assertThat(defaults.check(Destination.of("+19005550100").orElseThrow(), Countries.ANY))
                .contains(new DestinationPolicy.Refusal("to is a premium-rate number, which this gateway does not send to",
                        "destination_type_not_allowed"));
        assertThat(defaults.check(Destination.of("+881612345678").orElseThrow(), Countries.ANY))
                .contains(new DestinationPolicy.Refusal("to is a satellite phone number, which this gateway does not send to",
                        "destination_type_not_allowed"));
        assertThat(defaults.check(Destination.of("+18885550102").orElseThrow(), Countries.ANY)).isEmpty();
    }

    @Test
    void theOperatorChoosesTheRefusedKinds() {
        DestinationPolicy none = new DestinationPolicy(Set.of());
        DestinationPolicy strict = new DestinationPolicy(Set.of(NumberKind.TOLL_FREE, NumberKind.SHARED_COST));

        assertThat(none.check(Destination.of("+19005550100").orElseThrow(), Countries.ANY)).isEmpty();
        assertThat(strict.check(Destination.of("+18885550102").orElseThrow(), Countries.ANY).orElseThrow().error())
                .isEqualTo("to is a toll-free number, which this gateway does not send to");
        assertThat(strict.refusedKinds()).containsExactly(NumberKind.TOLL_FREE, NumberKind.SHARED_COST);
    }

    @Test
    void aDestinationMustBeInEveryCountryListThatIsSet() {
        Destination us = Destination.of("+14155550100").orElseThrow();
        Destination canada = Destination.of("+16135550123").orElseThrow();
        Destination unknown = Destination.of("+15555550100").orElseThrow();

        Countries tenantChoseCanada = new Countries(List.of("CA"), null);
        assertThat(defaults.check(canada, tenantChoseCanada)).isEmpty();
        assertThat(defaults.check(us, tenantChoseCanada)).contains(new DestinationPolicy.Refusal(
                "to is a number in US; this tenant sends only to CA", "destination_country_not_allowed"));
        assertThat(defaults.check(unknown, tenantChoseCanada).orElseThrow().error())
                .isEqualTo("to is not a number of a known country; this tenant sends only to CA");

        Countries operatorAllowsNorthAmerica = new Countries(null, List.of("CA", "US"));
        assertThat(defaults.check(us, operatorAllowsNorthAmerica)).isEmpty();
        assertThat(defaults.check(Destination.of("+442079460000").orElseThrow(), operatorAllowsNorthAmerica)
                .orElseThrow().error()).isEqualTo("to is a number in GB; this tenant sends only to CA, US");

        Countries both = new Countries(List.of("CA", "FR"), List.of("CA", "US"));
        assertThat(defaults.check(canada, both)).isEmpty();
        assertThat(defaults.check(us, both).orElseThrow().error()).as("the tenant's choice narrows the operator's")
                .isEqualTo("to is a number in US; this tenant sends only to CA");

        Countries disjoint = new Countries(List.of("FR"), List.of("US"));
        assertThat(defaults.check(us, disjoint).orElseThrow().error())
                .isEqualTo("to is a number in US; the tenant's countries and those the operator allows it have none in common");
    }

    @Test
    void aRefusedKindIsRefusedInAnAllowedCountryToo() {
        assertThat(defaults.check(Destination.of("+19005550100").orElseThrow(), new Countries(List.of("US"), null))
                .orElseThrow().code()).isEqualTo("destination_type_not_allowed");
    }
}
