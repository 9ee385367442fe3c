package io.ringbridge.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.web.ApiException;
import io.ringbridge.tenancy.Caller;
import io.ringbridge.tenancy.TenantDestinations;

/** The countries a tenant sends to, and the kinds of numbers nobody may (docs/API.md, "Destinations"). */
@RestController
@RequestMapping("/v1/sms/destinations")
@Tag(name = "Destinations", description = "For apps: the countries this tenant sends SMS to")
class DestinationController {

    private final TenantDestinations destinations;
    private final DestinationPolicy policy;

    DestinationController(TenantDestinations destinations, DestinationCheck check) {
        this.destinations = destinations;
        this.policy = check.policy();
    }

    @GetMapping
    @Operation(summary = "[ext] Where the caller's tenant may send")
    DestinationSettings get(Caller caller,
                            @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        return settings(destinations.of(caller.tenantFor(tenantId)));
    }

    @PutMapping
    @Operation(summary = "[ext] Restrict the tenant's sends to some countries ({\"countries\": null} lifts it)")
    DestinationSettings put(Caller caller,
                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                    schema = @Schema(implementation = DestinationSettings.Choice.class)))
                            @RequestBody(required = false) JsonNode body,
                            @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        String tenant = caller.tenantFor(tenantId);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Invalid JSON body", "invalid_json");
        }
        return settings(destinations.choose(tenant, body.get("countries")));
    }

    private DestinationSettings settings(TenantDestinations.Countries countries) {
        return new DestinationSettings(countries.chosen(), countries.allowed(), policy.refusedKinds());
    }
}
