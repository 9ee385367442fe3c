package io.ringbridge.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A tenant's request budgets, app cap and destination countries, for the operator (docs/API.md, "Tenant limits"). */
@RestController
@RequestMapping("/v1/tenants/{tenantId}/limits")
@AdminOnly
@Tag(name = "Tenants")
class TenantLimitsController {

    private final TenantLimitsService limits;

    TenantLimitsController(TenantLimitsService limits) {
        this.limits = limits;
    }

    @GetMapping
    @Operation(summary = "[ext] A tenant's limits in force")
    TenantLimits get(@PathVariable String tenantId) {
        return limits.get(tenantId);
    }

    @PatchMapping
    @Operation(summary = "[ext] Change a tenant's limits; a field set to null returns to the deployment's default")
    TenantLimits update(@PathVariable String tenantId,
                        @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                schema = @Schema(implementation = TenantLimits.Change.class)))
                        @RequestBody(required = false) JsonNode body) {
        return limits.update(tenantId, body);
    }
}
