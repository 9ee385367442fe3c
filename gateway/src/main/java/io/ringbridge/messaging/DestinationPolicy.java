package io.ringbridge.messaging;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.ringbridge.tenancy.TenantDestinations;

/**
 * Decides whether a destination may be sent to: never to a refused kind of number (premium rate and satellite by
 * default: costly for the tenant and a favourite of toll fraud), and only to the countries the tenant and the
 * operator restricted it to.
 */
final class DestinationPolicy {

    /** Why a destination is refused, in the words and code the caller gets. */
    record Refusal(String error, String code) {
    }

    private final Set<NumberKind> refusedKinds;

    DestinationPolicy(Set<NumberKind> refusedKinds) {
        EnumSet<NumberKind> kinds = EnumSet.noneOf(NumberKind.class);
        kinds.addAll(refusedKinds);
        this.refusedKinds = Collections.unmodifiableSet(kinds);
    }

    Set<NumberKind> refusedKinds() {
        return refusedKinds;
    }

    Optional<Refusal> check(Destination to, TenantDestinations.Countries countries) {
        if (refusedKinds.contains(to.kind())) {
            return Optional.of(new Refusal("to is a " + to.kind().words() + " number, which this gateway does not send to",
                    "destination_type_not_allowed"));
        }
        if (!countries.admit(to.region())) {
            String where = to.region() == null ? "to is not a number of a known country" : "to is a number in " + to.region();
            List<String> allowed = allowed(countries);
            return Optional.of(new Refusal(where + (allowed.isEmpty()
                    ? "; the tenant's countries and those the operator allows it have none in common"
                    : "; this tenant sends only to " + String.join(", ", allowed)), "destination_country_not_allowed"));
        }
        return Optional.empty();
    }

    /** The countries both lists admit. */
    private static List<String> allowed(TenantDestinations.Countries countries) {
        List<String> chosen = countries.chosen() == null ? countries.allowed() : countries.chosen();
        return chosen.stream().filter(countries::admit).toList();
    }
}
