package io.ringbridge.connection;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RestController;

import io.ringbridge.platform.config.PublicUrl;
import io.ringbridge.platform.limits.RateDecision;
import io.ringbridge.platform.limits.RateLimit;
import io.ringbridge.platform.limits.RateLimiters;
import io.ringbridge.platform.limits.SlidingWindowLimiter;
import io.ringbridge.platform.web.ApiException;
import io.ringbridge.platform.web.InvalidValueMessage;
import io.ringbridge.platform.web.Ok;
import io.ringbridge.tenancy.Caller;

/** The routes an app uses to connect its tenant's RingCentral account and see its state (docs/API.md). */
@RestController
@RequestMapping("/v1/rc")
@Tag(name = "RingCentral connection")
class ConnectionController {

    private final ConnectTokens tokens;
    private final ConnectionStatus status;
    private final Disconnector disconnector;
    private final ExtensionSync sync;
    private final RingCentralApps apps;
    private final OperatorRingCentral operator;
    private final SlidingWindowLimiter linkLimit;
    private final RingCentralServers servers;
    private final PublicUrl publicUrl;

    ConnectionController(ConnectTokens tokens, ConnectionStatus status, Disconnector disconnector, ExtensionSync sync,
                         RingCentralApps apps, OperatorRingCentral operator, RateLimiters limiters,
                         ConnectionProperties properties, RingCentralServers servers, PublicUrl publicUrl) {
        this.tokens = tokens;
        this.status = status;
        this.disconnector = disconnector;
        this.sync = sync;
        this.apps = apps;
        this.operator = operator;
        this.linkLimit = limiters.create(new RateLimit("connect-links", properties.tokensPerTenantPerHour(), Duration.ofHours(1)));
        this.servers = servers;
        this.publicUrl = publicUrl;
    }

    /**
     * A connect or invite link: Gravity's relative {@code connectUrl}, and [ext] the absolute {@code url} a person can
     * open (from the public URL) and when the link stops working.
     */
    @Schema(name = "ConnectLink")
    record ConnectUrl(
            @Schema(example = "/v1/rc/connect?token=…") String connectUrl,
            @Schema(description = "[ext] The same link, absolute", example = "https://sms.example.com/v1/rc/connect?token=…")
            String url,
            @Schema(description = "[ext] When the link expires") Instant expiresAt) {
    }

    @PostMapping("/connect-token")
    @Operation(summary = "A single-use link (5 minutes) that starts connecting the tenant's RingCentral account")
    ConnectUrl connectToken(Caller caller, @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        return issue(caller.tenantFor(tenantId), TokenKind.CONNECT);
    }

    @PostMapping("/invite-token")
    @Operation(summary = "A single-use link (30 minutes) for another RingCentral user of the account to connect")
    ConnectUrl inviteToken(Caller caller, @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        return issue(caller.tenantFor(tenantId), TokenKind.INVITE);
    }

    private ConnectUrl issue(String tenantId, TokenKind kind) {
        RateDecision decision = linkLimit.acquire(tenantId);
        if (!decision.allowed()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "rate_limited", decision.headers());
        }
        ConnectTokens.Issued issued = tokens.issue(tenantId, kind);
        String link = "/v1/rc/connect?token=" + issued.token();
        return new ConnectUrl(link, publicUrl.resolve(link).toString(), issued.expiresAt());
    }

    @GetMapping("/status")
    @Operation(summary = "Whether the tenant's RingCentral account is connected")
    ConnectionStatusView status(Caller caller, @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        return status.of(caller.tenantFor(tenantId));
    }

    @GetMapping("/extensions")
    @Operation(summary = "The connected RingCentral users (extensions) and their SMS numbers")
    ExtensionList extensions(Caller caller,
            @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        return new ExtensionList(status.extensions(caller.tenantFor(tenantId)));
    }

    @PostMapping("/disconnect")
    @Operation(summary = "Disconnect the account: subscriptions removed, sessions revoked, credentials deleted")
    Ok disconnect(Caller caller, @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        disconnector.disconnectTenant(caller.tenantFor(tenantId));
        return Ok.OK;
    }

    @DeleteMapping("/extensions/{extensionId}")
    @Operation(summary = "[ext] Disconnect one extension")
    Ok disconnectExtension(Caller caller, @PathVariable String extensionId,
            @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        if (!disconnector.disconnectExtension(caller.tenantFor(tenantId), extensionId)) {
            throw ApiException.notFound("Extension not found", "extension_not_found");
        }
        return Ok.OK;
    }

    @PostMapping("/extensions/{extensionId}/sync")
    @Operation(summary = "[ext] Read the extension's phone numbers from RingCentral again")
    ConnectionStatus.ExtensionView syncExtension(Caller caller, @PathVariable String extensionId,
            @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        return sync.sync(caller.tenantFor(tenantId), extensionId);
    }

    static final String SERVER_NOT_ALLOWED = "server must be a RingCentral server (https://platform.ringcentral.com, "
            + "https://platform.devtest.ringcentral.com) or one the operator allows";

    @Schema(name = "RingCentralAppRequest")
    record AppRequest(
            @InvalidValueMessage(value = "clientId must be 1-200 characters", code = "invalid_client_id") String clientId,
            @InvalidValueMessage(value = "clientSecret must be 1-200 characters", code = "invalid_client_secret") String clientSecret,
            @InvalidValueMessage(value = "server must be an https:// URL", code = "invalid_server") String server) {
    }

    @GetMapping("/app")
    @Operation(summary = "[ext] The RingCentral app this tenant connects through (never its secret)")
    RingCentralAppView app(Caller caller, @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        String tenant = caller.tenantFor(tenantId);
        return apps.describe(tenant)
                .map(app -> RingCentralAppView.of(app.clientId(), app.server(), true))
                .orElseGet(() -> RingCentralAppView.of(operator.app().clientId(), operator.app().server(), false));
    }

    @PutMapping("/app")
    @Operation(summary = "[ext] Use the tenant's own RingCentral app (secret stored encrypted, never returned)")
    RingCentralAppView putApp(Caller caller, @RequestBody(required = false) AppRequest request,
            @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        String tenant = caller.tenantFor(tenantId);
        AppRequest body = request == null ? new AppRequest(null, null, null) : request;
        String clientId = bounded(body.clientId(), "clientId", "clientId must be 1-200 characters", "invalid_client_id");
        String secret = bounded(body.clientSecret(), "clientSecret", "clientSecret must be 1-200 characters", "invalid_client_secret");
        URI server = server(body.server());
        apps.save(tenant, clientId, secret, server);
        return RingCentralAppView.of(clientId, server, true);
    }

    @DeleteMapping("/app")
    @Operation(summary = "[ext] Go back to the operator's RingCentral app")
    Ok deleteApp(Caller caller, @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        apps.delete(caller.tenantFor(tenantId));
        return Ok.OK;
    }

    private static String bounded(String value, String param, String error, String code) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw ApiException.invalid(param, error, code);
        }
        return value.strip();
    }

    private URI server(String value) {
        if (value == null) {
            return operator.app().server();
        }
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("server", "server must be an https:// URL", "invalid_server");
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw ApiException.invalid("server", "server must be an https:// URL", "invalid_server");
        }
        if (!servers.allows(uri)) {
            throw ApiException.invalid("server", SERVER_NOT_ALLOWED, "server_not_allowed");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
