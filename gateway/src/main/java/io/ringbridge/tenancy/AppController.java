package io.ringbridge.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.web.Ok;

/** The routes of apps and their API keys (docs/API.md, "Apps and API keys"). */
@RestController
@RequestMapping("/v1/apps")
@Tag(name = "Apps", description = "Apps of a tenant, each with one API key")
class AppController {

    private final AppService apps;

    AppController(AppService apps) {
        this.apps = apps;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an app; the API key and webhook secret are shown only in this answer")
    RegisteredApp register(Caller caller, @RequestBody(required = false) AppRequests.Register request) {
        return apps.register(caller, request == null ? new AppRequests.Register(null, null, null) : request);
    }

    @GetMapping
    @Operation(summary = "List the apps of the caller's tenant (admin: every tenant, or ?tenantId=)")
    AppList list(Caller caller, @RequestParam(required = false) String tenantId) {
        return new AppList(apps.list(caller, tenantId));
    }

    @GetMapping("/{appId}")
    @Operation(summary = "Get an app")
    App get(Caller caller, @PathVariable String appId) {
        return apps.get(caller, appId);
    }

    @PutMapping("/{appId}")
    @Operation(summary = "Rename an app or change its webhook (webhookUrl: null removes it)")
    App update(Caller caller, @PathVariable String appId,
               @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                       schema = @Schema(implementation = AppRequests.Update.class)))
               @RequestBody(required = false) JsonNode body) {
        return apps.update(caller, appId, body);
    }

    @DeleteMapping("/{appId}")
    @Operation(summary = "Delete an app; its key stops working at once")
    Ok delete(Caller caller, @PathVariable String appId) {
        apps.delete(caller, appId);
        return Ok.OK;
    }

    @PostMapping("/{appId}/rotate-key")
    @Operation(summary = "Issue a new API key; the old one stops working at once")
    AppService.RotatedKey rotateKey(Caller caller, @PathVariable String appId) {
        return apps.rotateKey(caller, appId);
    }
}
