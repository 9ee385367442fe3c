package io.ringbridge.connection;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;

import io.ringbridge.ringcentral.RingCentralApp;
import io.ringbridge.ringcentral.RingCentralException;
import io.ringbridge.ringcentral.RingCentralFailure;

/** Turns what went wrong during a connection into a {@link CallbackFailure} a tenant admin can act on. */
final class CallbackFailures {

    /** The most of RingCentral's error description a page shows. */
    static final int DESCRIPTION_MAX = 200;

    private static final String NEW_LINK = "Ask the app that sent you here for a new connection link and open it again.";

    private CallbackFailures() {
    }

    static CallbackFailure missingParameters() {
        return new CallbackFailure(HttpStatus.BAD_REQUEST, "missing_parameters", "Connection failed",
                "Missing code or state parameter",
                "This address is where RingCentral sends you back after you sign in; it was opened without the answer from RingCentral.",
                List.of(NEW_LINK));
    }

    static CallbackFailure invalidState() {
        return new CallbackFailure(HttpStatus.BAD_REQUEST, "invalid_state", "This sign-in can't be completed",
                "Invalid or expired state",
                "The sign-in it belongs to was already completed, took too long, or was not started here.",
                List.of(NEW_LINK, "Finish signing in to RingCentral within a few minutes of clicking Connect RingCentral."));
    }

    /**
     * RingCentral sent the user back with an error. Anyone can open the callback with any parameters, so the page
     * speaks in the gateway's words, names the error code only as a code, and shows RingCentral's description only
     * when {@code fromAllowedServer} (the state was an authorization this gateway started at an allowed server).
     */
    static CallbackFailure deniedAtRingCentral(String error, String description, boolean fromAllowedServer) {
        String code = errorCode(error);
        boolean denied = "access_denied".equals(code);
        String said = "RingCentral said: " + code + (fromAllowedServer && description != null && !description.isBlank()
                ? " - " + shortened(description) : "");
        return new CallbackFailure(HttpStatus.BAD_REQUEST, denied ? "access_denied" : "authorization_error",
                denied ? "RingCentral access was not granted" : "RingCentral could not authorize the connection",
                denied ? "Access was not granted." : "RingCentral reported: " + code, said,
                denied ? List.of(NEW_LINK, "On RingCentral's page, sign in and choose Authorize (or Approve) to allow sending and receiving SMS.")
                        : List.of(NEW_LINK, "If it happens again, give your RingCentral administrator the error code above."));
    }

    /** An OAuth error code is a short token ({@code access_denied}); anything else is not shown as one. */
    static String errorCode(String error) {
        return error != null && error.matches("[A-Za-z0-9_.-]{1,64}") ? error : "unrecognized_error";
    }

    /** One line of at most {@value #DESCRIPTION_MAX} characters: a description, not a page of someone else's text. */
    static String shortened(String text) {
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= DESCRIPTION_MAX ? line : line.substring(0, DESCRIPTION_MAX - 1).strip() + "…";
    }

    static CallbackFailure exchange(RingCentralFailure failure, RingCentralApp app, URI redirectUri) {
        if (failure instanceof RingCentralException e) {
            if (e.hasErrorCode("OAU-109")) {
                return badGateway("redirect_uri_mismatch", "RingCentral rejected this gateway's redirect address",
                        "RingCentral says the redirect URI does not match the app's registered OAuth redirect URI (OAU-109).",
                        e, List.of("In the RingCentral Developer Console, open the app with client ID " + app.clientId()
                                        + ", go to Settings → Auth, and set the OAuth Redirect URI to exactly " + redirectUri + ".",
                                "Make sure RINGBRIDGE_PUBLIC_URL is the address this gateway is reached at.", NEW_LINK));
            }
            if (e.hasErrorCode("OAU-113")) {
                return badGateway("redirect_uri_missing", "The RingCentral app has no redirect address",
                        "RingCentral says no redirect URI is registered for the app (OAU-113): it is probably set up for the JWT flow only.",
                        e, List.of("In the RingCentral Developer Console, open the app with client ID " + app.clientId()
                                        + ", choose the 3-legged OAuth flow (authorization code), and add the OAuth Redirect URI "
                                        + redirectUri + ".", NEW_LINK));
            }
            if (e.oauthError().filter("invalid_client"::equals).isPresent() || e.hasErrorCode("OAU-123")
                    || e.hasErrorCode("OAU-153") || e.hasErrorCode("OAU-146")) {
                return badGateway("invalid_client", "RingCentral did not accept this gateway's app credentials",
                        "The client ID or client secret configured for the RingCentral app was refused.", e,
                        List.of("Check the client ID and secret of the RingCentral app: RINGCENTRAL_CLIENT_ID and "
                                + "RINGCENTRAL_CLIENT_SECRET for the operator's app, or PUT /v1/rc/app for your own.", NEW_LINK));
            }
            if (e.oauthError().filter("invalid_grant"::equals).isPresent()) {
                return badGateway("code_rejected", "RingCentral did not accept the sign-in",
                        "The authorization code from RingCentral had expired or was already used.", e, List.of(NEW_LINK));
            }
            if (e.rateLimited()) {
                return badGateway("rate_limited", "RingCentral is limiting sign-ins right now",
                        "RingCentral answered \"too many requests\" while the sign-in was being completed.", e,
                        List.of("Wait a minute.", NEW_LINK));
            }
        }
        return unavailable("completing the sign-in", failure);
    }

    /** A step after the token exchange failed; {@code step} says which, in the admin's words. */
    static CallbackFailure setup(String step, RingCentralFailure failure, String webhookAddress) {
        if (failure instanceof RingCentralException e) {
            if (e.hasErrorCode("CMN-401") || e.hasErrorCode("CMN-408")) {
                return badGateway("permission_missing", "The RingCentral app lacks a permission",
                        "RingCentral refused " + step + " because the app is missing a permission.", e,
                        List.of("In the RingCentral Developer Console, give the app the permissions SMS, ReadMessages, "
                                + "ReadAccounts and WebhookSubscriptions.", NEW_LINK));
            }
            if (e.hasErrorCode("SUB-525") || (e.hasErrorCode("CMN-101") && step.contains("webhook"))) {
                return badGateway("webhook_unreachable", "RingCentral could not reach this gateway",
                        "RingCentral could not complete the webhook handshake with " + webhookAddress + ".", e,
                        List.of("Set RINGBRIDGE_PUBLIC_URL to a public https:// address that RingCentral can reach "
                                + "(not localhost), and make sure nothing in front of the gateway blocks POST requests to it.",
                                NEW_LINK));
            }
            if (e.hasErrorCode("SUB-505")) {
                return badGateway("too_many_subscriptions", "This RingCentral user has too many subscriptions",
                        "RingCentral allows 30 webhook subscriptions per user and app, and this user has reached it.", e,
                        List.of("Remove unused subscriptions of this user for this app, then try again.", NEW_LINK));
            }
        }
        return unavailable(step, failure);
    }

    static CallbackFailure otherAccount(String userAccount, String tenantAccount) {
        return new CallbackFailure(HttpStatus.CONFLICT, "account_mismatch", "That user belongs to another RingCentral account",
                "This tenant is connected to RingCentral account " + tenantAccount + ", but you signed in as a user of account "
                        + userAccount + ". Nothing was changed.",
                "One tenant connects one RingCentral account.",
                List.of("Sign in with a user of RingCentral account " + tenantAccount + ".",
                        "To switch this tenant to another account, disconnect it first (POST /v1/rc/disconnect), then connect again."));
    }

    private static CallbackFailure unavailable(String step, RingCentralFailure failure) {
        return new CallbackFailure(HttpStatus.BAD_GATEWAY, "ringcentral_unavailable", "RingCentral could not be reached",
                "RingCentral failed while " + step + ". Nothing was stored.", technical(failure),
                List.of("Wait a few minutes; RingCentral may be busy or down.", NEW_LINK));
    }

    private static CallbackFailure badGateway(String code, String title, String error, RingCentralException e,
                                              List<String> steps) {
        return new CallbackFailure(HttpStatus.BAD_GATEWAY, code, title, error + " Nothing was stored.", technical(e), steps);
    }

    private static String technical(RingCentralFailure failure) {
        if (failure instanceof RingCentralException e) {
            return "RingCentral answered HTTP " + e.status() + (e.errorCodes().isEmpty() ? "" : " " + String.join(", ", e.errorCodes()))
                    + e.description().map(d -> ": " + d).orElse("") + e.requestId().map(id -> " (RCRequestId " + id + ")").orElse("");
        }
        return failure.getMessage();
    }
}
