package io.ringbridge.connection;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ringbridge.platform.web.ApiError;
import io.ringbridge.platform.web.Ok;
import io.ringbridge.platform.web.RequestIds;
import io.ringbridge.tenancy.Unauthenticated;

/**
 * The browser side of connecting: the confirmation page behind a connect link, the click that
 * starts OAuth, and RingCentral's callback. People see HTML pages that say what happened and what to do.
 */
@RestController
@Unauthenticated
@Tag(name = "RingCentral connection")
class ConnectPagesController {

    private final AuthorizationFlow flow;
    private final ConnectionSetup setup;
    private final OperatorRingCentral operator;
    private final RingCentralServers servers;

    ConnectPagesController(AuthorizationFlow flow, ConnectionSetup setup, OperatorRingCentral operator,
                           RingCentralServers servers) {
        this.flow = flow;
        this.setup = setup;
        this.operator = operator;
        this.servers = servers;
    }

    @GetMapping(path = "/v1/rc/connect", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Confirmation page of a connect link (does not use up the token)", security = {})
    ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        if (token == null || token.isBlank()) {
            return HtmlPage.of("This link is incomplete", HtmlPage.Tone.ERROR)
                    .paragraph("The connection link is missing its token.")
                    .nextSteps(List.of("Open the whole link you were given, or ask for a new one."))
                    .respond(HttpStatus.BAD_REQUEST, operator.sandbox());
        }
        // Link scanners fetch URLs ahead of people: showing this page must not use up or even check the token.
        return HtmlPage.of("Connect RingCentral", HtmlPage.Tone.NEUTRAL)
                .paragraph("Connect your RingCentral account so that SMS can be sent from and received on your "
                        + "RingCentral phone numbers.")
                .paragraph("You will sign in at RingCentral and be asked to allow access. This link works once.")
                .form("/v1/rc/connect", "token", token, "Connect RingCentral", origin(flow.serverFor(token)))
                .respond(HttpStatus.OK, operator.sandbox());
    }

    // No "consumes": a POST without a form body (no Content-Type at all) is a missing token, answered with the
    // HTML page like every other bad click, not with a JSON 415.
    @PostMapping(path = "/v1/rc/connect", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Use up the connect token and go to RingCentral (303)", security = {})
    ResponseEntity<String> start(@RequestParam(required = false) String token) {
        AuthorizationFlow.Start start = flow.start(token);
        if (start.authorizeUrl() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(start.authorizeUrl())
                    .header("Cache-Control", "no-store").build();
        }
        if (start.refusedServer() != null) {
            return HtmlPage.of("This RingCentral app can't be used", HtmlPage.Tone.ERROR)
                    .paragraph("The tenant's own RingCentral app is set to the server " + start.refusedServer()
                            + ", which is not a RingCentral server this gateway allows. Nothing was sent there, and "
                            + "the link was not used up.")
                    .nextSteps(List.of("Ask the tenant's administrator to set the app again on a RingCentral server "
                                    + "(PUT /v1/rc/app), or to go back to the operator's app (DELETE /v1/rc/app).",
                            "Then open the same link again."))
                    .respond(HttpStatus.BAD_REQUEST, operator.sandbox());
        }
        HtmlPage page = switch (start.rejection()) {
            case MISSING -> HtmlPage.of("This link is incomplete", HtmlPage.Tone.ERROR)
                    .paragraph("The connection link is missing its token.");
            case USED -> HtmlPage.of("This link was already used", HtmlPage.Tone.ERROR)
                    .paragraph("Each connection link works once, and this one has been used.");
            case EXPIRED -> HtmlPage.of("This link has expired", HtmlPage.Tone.ERROR)
                    .paragraph("Connection links expire after 5 minutes, invite links after 30 minutes.");
            case UNKNOWN -> HtmlPage.of("This link is not valid", HtmlPage.Tone.ERROR)
                    .paragraph("The link is not one this gateway issued, or it was copied incompletely.");
        };
        return page.nextSteps(List.of("Ask the app that sent you the link for a new one, and open it right away."))
                .respond(HttpStatus.BAD_REQUEST, operator.sandbox());
    }

    @GetMapping(path = "/v1/rc/callback", produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "RingCentral's OAuth redirect: finish the connection (HTML, or JSON with format=json)", security = {})
    ResponseEntity<?> callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                               @RequestParam(required = false) String error,
                               @RequestParam(name = "error_description", required = false) String errorDescription,
                               @RequestParam(required = false) String format, HttpServletRequest request) {
        boolean json = "json".equalsIgnoreCase(format);
        if (error != null) {
            // The state is spent either way; only an authorization this gateway started names whose words these are.
            boolean fromAllowedServer = state != null && setup.abandon(state).filter(servers::allows).isPresent();
            return failure(CallbackFailures.deniedAtRingCentral(error, errorDescription, fromAllowedServer), json, request);
        }
        if (code == null || code.isBlank() || state == null || state.isBlank()) {
            return failure(CallbackFailures.missingParameters(), json, request);
        }
        ConnectionSetup.Result result = setup.complete(code, state);
        if (result.failure() != null) {
            return failure(result.failure(), json, request);
        }
        if (json) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Ok.OK);
        }
        return success(result.connected());
    }

    private ResponseEntity<String> success(ConnectionSetup.Connected connected) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("RingCentral account", connected.rcAccountId());
        facts.put("Extension", extensionLabel(connected));
        facts.put("Role", connected.primary() ? "primary user of this tenant" : "additional user");
        List<String> warnings = new ArrayList<>();
        if (!connected.missingScopes().isEmpty()) {
            warnings.add("The RingCentral app lacks the permission" + (connected.missingScopes().size() > 1 ? "s " : " ")
                    + String.join(", ", connected.missingScopes()) + "; add "
                    + (connected.missingScopes().size() > 1 ? "them" : "it")
                    + " in the RingCentral Developer Console, then connect again.");
        }
        if (connected.smsNumbers().isEmpty()) {
            warnings.add("This user has no SMS-enabled phone number, so nothing can be sent from it yet. Numbers need "
                    + "the SmsSender feature (TCR or toll-free registration), then reconnect.");
        }
        if (!connected.a2pNumbers().isEmpty()) {
            warnings.add("High-volume (A2P) numbers cannot be used with the SMS API: " + String.join(", ", connected.a2pNumbers()));
        }
        HtmlPage page = HtmlPage.of(connected.reconnected() ? "RingCentral reconnected" : "RingCentral connected",
                        HtmlPage.Tone.SUCCESS)
                .paragraph("SMS can now be sent from and received on these numbers.")
                .facts(facts)
                .list("SMS numbers", "numbers", connected.smsNumbers().isEmpty() ? List.of("none") : connected.smsNumbers())
                .warnings(warnings)
                .paragraph("You can close this window.");
        return page.respond(HttpStatus.OK, operator.sandbox());
    }

    private ResponseEntity<?> failure(CallbackFailure failure, boolean json, HttpServletRequest request) {
        if (json) {
            return ResponseEntity.status(failure.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(failure.error(), failure.code(), RequestIds.of(request)));
        }
        HtmlPage page = HtmlPage.of(failure.title(), HtmlPage.Tone.ERROR).paragraph(failure.error());
        if (failure.detail() != null) {
            page.facts(Map.of("Details", failure.detail()));
        }
        return page.nextSteps(failure.nextSteps()).respond(failure.status(), operator.sandbox());
    }

    /** The click is answered by a redirect to RingCentral's authorize page, which the page's form-action must allow. */
    private static String origin(URI server) {
        return server.getScheme() + "://" + server.getRawAuthority();
    }

    private static String extensionLabel(ConnectionSetup.Connected connected) {
        StringBuilder label = new StringBuilder();
        if (connected.name() != null) {
            label.append(connected.name());
        }
        if (connected.extensionNumber() != null) {
            label.append(label.isEmpty() ? "" : ", ").append("ext. ").append(connected.extensionNumber());
        }
        return label.append(label.isEmpty() ? "" : " ").append("(id ").append(connected.extensionId()).append(")").toString();
    }
}
