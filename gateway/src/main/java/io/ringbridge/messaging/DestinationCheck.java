package io.ringbridge.messaging;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.web.ApiException;
import io.ringbridge.tenancy.TenantDestinations;

/** Refuses, at accept time, a message whose destination the policy does not allow (docs/API.md, "Destinations"). */
@Component
class DestinationCheck {

    private final DestinationPolicy policy;
    private final TenantDestinations destinations;

    DestinationCheck(DestinationProperties properties, TenantDestinations destinations) {
        this.policy = new DestinationPolicy(properties.refusedKinds());
        this.destinations = destinations;
    }

    DestinationPolicy policy() {
        return policy;
    }

    /** @param to a number already validated as E.164 with an assigned calling code */
    void requireAllowed(String tenantId, String to) {
        Destination destination = Destination.of(to).orElseThrow(() -> new IllegalArgumentException("Not E.164: " + to));
        policy.check(destination, destinations.of(tenantId)).ifPresent(refusal -> {
            throw ApiException.invalid("to", refusal.error(), refusal.code());
        });
    }
}
