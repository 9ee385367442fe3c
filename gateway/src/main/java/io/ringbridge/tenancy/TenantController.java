package io.ringbridge.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant routes, for the operator (docs/API.md, "Tenants"). */
@RestController
@RequestMapping("/v1/tenants")
@AdminOnly
@Tag(name = "Tenants", description = "Operator only: the customers of this gateway")
class TenantController {

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a tenant")
    Tenant create(@RequestBody(required = false) TenantRequests.Create request) {
        return tenants.create(request == null ? null : request.name());
    }

    @GetMapping
    @Operation(summary = "List tenants")
    TenantList list() {
        return new TenantList(tenants.list());
    }

    @GetMapping("/{tenantId}")
    @Operation(summary = "Get a tenant")
    Tenant get(@PathVariable String tenantId) {
        return tenants.get(tenantId);
    }

    @PatchMapping("/{tenantId}")
    @Operation(summary = "Rename a tenant or change its status (active, suspended, inactive)")
    Tenant update(@PathVariable String tenantId, @RequestBody(required = false) TenantRequests.Update request) {
        return tenants.update(tenantId, request == null ? new TenantRequests.Update(null, null) : request);
    }
}
