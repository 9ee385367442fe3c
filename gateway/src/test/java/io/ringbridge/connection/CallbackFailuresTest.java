package io.ringbridge.connection;

import static io.ringbridge.ringcentral.RingCentralAnswers.oauthRefusal;
import static io.ringbridge.ringcentral.RingCentralAnswers.refusal;
import static io.ringbridge.ringcentral.RingCentralAnswers.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.ringbridge.ringcentral.RingCentralApp;
import io.ringbridge.ringcentral.RingCentralFailure;

class CallbackFailuresTest {

    private static final String NEW_LINK = "Ask the app that sent you here for a new connection link and open it again.";
    private static final RingCentralApp APP = new RingCentralApp("client-4711", "secret-0815",
            URI.create("https://platform.ringcentral.com"));
    private static final URI REDIRECT = URI.create("https://sms.example.com/v1/rc/callback");
    private static final String WEBHOOK = "https://sms.example.com/v1/rc/webhook/sub_1";

    // --- before RingCentral is asked

    @Test
    void callbackWithoutCodeOrState() {
        CallbackFailure failure = CallbackFailures.missingParameters();

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(failure.code()).isEqualTo("missing_parameters");
        assertThat(failure.error()).isEqualTo("Missing code or state parameter");
        assertThat(failure.nextSteps()).containsExactly(NEW_LINK);
    }

    @Test
    void unknownOrSpentState() {
        CallbackFailure failure = CallbackFailures.invalidState();

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(failure.code()).isEqualTo("invalid_state");
        assertThat(failure.error()).isEqualTo("Invalid or expired state");
        assertThat(failure.nextSteps()).first().isEqualTo(NEW_LINK);
        assertThat(failure.nextSteps()).hasSize(2);
    }

    // --- RingCentral's answer on the redirect

    @Test
    void adminWhoDeclinedIsToldHowToAllow() {
        CallbackFailure failure = CallbackFailures.deniedAtRingCentral("access_denied", null, true);

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(failure.code()).isEqualTo("access_denied");
        assertThat(failure.title()).isEqualTo("RingCentral access was not granted");
        assertThat(failure.error()).isEqualTo("Access was not granted.");
        assertThat(failure.detail()).isEqualTo("RingCentral said: access_denied");
        assertThat(failure.nextSteps()).hasSize(2).first().isEqualTo(NEW_LINK);
        assertThat(failure.nextSteps().get(1)).contains("Authorize");
    }

    @Test
    void ringCentralsDescriptionIsShownBesideOurWordsOnlyFromAnAllowedServer() {
        CallbackFailure allowed = CallbackFailures.deniedAtRingCentral("access_denied", "The user denied the request", true);
        CallbackFailure unknown = CallbackFailures.deniedAtRingCentral("access_denied", "Call +1 900 555 0100 to unlock", false);

        assertThat(allowed.error()).isEqualTo("Access was not granted.");
        assertThat(allowed.detail()).isEqualTo("RingCentral said: access_denied - The user denied the request");
        assertThat(unknown.error()).isEqualTo("Access was not granted.");
        assertThat(unknown.detail()).isEqualTo("RingCentral said: access_denied");
    }

    @Test
    void ringCentralsDescriptionIsOneShortLine() {
        String longText = "Line one\r\nline\ttwo " + "x".repeat(500);

        String detail = CallbackFailures.deniedAtRingCentral("access_denied", longText, true).detail();

        assertThat(detail).startsWith("RingCentral said: access_denied - Line one line two xxx").doesNotContain("\n", "\r", "\t")
                .endsWith("…");
        assertThat(detail.length()).isEqualTo("RingCentral said: access_denied - ".length() + CallbackFailures.DESCRIPTION_MAX);
    }

    @Test
    void anErrorCodeThatIsNoCodeIsNotRepeated() {
        CallbackFailure failure = CallbackFailures.deniedAtRingCentral("Your account is locked, call +1 900 555 0100", null, true);

        assertThat(failure.error()).isEqualTo("RingCentral reported: unrecognized_error");
        assertThat(failure.detail()).isEqualTo("RingCentral said: unrecognized_error");
    }

    @Test
    void blankDescriptionIsNoExplanation() {
        assertThat(CallbackFailures.deniedAtRingCentral("access_denied", " ", true).detail()).isEqualTo("RingCentral said: access_denied");
    }

    @Test
    void otherAuthorizationErrorIsPassedOnForTheRingCentralAdministrator() {
        CallbackFailure failure = CallbackFailures.deniedAtRingCentral("unauthorized_client", null, true);

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(failure.code()).isEqualTo("authorization_error");
        assertThat(failure.title()).isEqualTo("RingCentral could not authorize the connection");
        assertThat(failure.error()).isEqualTo("RingCentral reported: unauthorized_client");
        assertThat(failure.detail()).isEqualTo("RingCentral said: unauthorized_client");
        assertThat(failure.nextSteps()).hasSize(2).first().isEqualTo(NEW_LINK);
        assertThat(failure.nextSteps().get(1)).contains("RingCentral administrator", "error code");
    }

    // --- the code exchange

    @Test
    void redirectMismatchNamesTheAddressToRegister() {
        CallbackFailure failure = CallbackFailures.exchange(
                oauthRefusal(400, "invalid_grant", "Redirect URI does not match", "OAU-109"), APP, REDIRECT);

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failure.code()).isEqualTo("redirect_uri_mismatch");
        assertThat(failure.error()).endsWith("(OAU-109). Nothing was stored.");
        assertThat(failure.detail()).isEqualTo("RingCentral answered HTTP 400 OAU-109: Redirect URI does not match");
        assertThat(failure.nextSteps().getFirst()).contains("client-4711").endsWith("to exactly " + REDIRECT + ".");
        assertThat(failure.nextSteps()).last().isEqualTo(NEW_LINK);
    }

    @Test
    void appWithoutRedirectAddressIsToldToUseTheAuthorizationCodeFlow() {
        CallbackFailure failure = CallbackFailures.exchange(oauthRefusal(400, "invalid_request", null, "OAU-113"), APP, REDIRECT);

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failure.code()).isEqualTo("redirect_uri_missing");
        assertThat(failure.nextSteps().getFirst()).contains("client-4711", "3-legged OAuth", REDIRECT.toString());
    }

    @Test
    void refusedClientCredentialsByOAuthErrorOrByCode() {
        for (RingCentralFailure refused : List.of(oauthRefusal(401, "invalid_client", null),
                refusal(401, "OAU-123"), refusal(401, "OAU-153"), refusal(400, "OAU-146"))) {
            CallbackFailure failure = CallbackFailures.exchange(refused, APP, REDIRECT);

            assertThat(failure.code()).as(refused.getMessage()).isEqualTo("invalid_client");
            assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(failure.nextSteps().getFirst()).contains("RINGCENTRAL_CLIENT_SECRET", "PUT /v1/rc/app");
        }
    }

    @Test
    void expiredOrReusedCodeAsksForANewLinkOnly() {
        CallbackFailure failure = CallbackFailures.exchange(oauthRefusal(400, "invalid_grant", "Authorization code expired",
                "OAU-213"), APP, REDIRECT);

        assertThat(failure.code()).isEqualTo("code_rejected");
        assertThat(failure.error()).isEqualTo(
                "The authorization code from RingCentral had expired or was already used. Nothing was stored.");
        assertThat(failure.nextSteps()).containsExactly(NEW_LINK);
    }

    @Test
    void rateLimitedExchangeAsksToWait() {
        CallbackFailure failure = CallbackFailures.exchange(refusal(429, "CMN-301"), APP, REDIRECT);

        assertThat(failure.code()).isEqualTo("rate_limited");
        assertThat(failure.nextSteps()).containsExactly("Wait a minute.", NEW_LINK);
    }

    @Test
    void otherRefusalOfTheExchangeIsRingCentralUnavailable() {
        CallbackFailure failure = CallbackFailures.exchange(refusal(503, List.of("CMN-211"), null, "Service Unavailable",
                "req-42"), APP, REDIRECT);

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failure.code()).isEqualTo("ringcentral_unavailable");
        assertThat(failure.error()).isEqualTo("RingCentral failed while completing the sign-in. Nothing was stored.");
        assertThat(failure.detail()).isEqualTo("RingCentral answered HTTP 503 CMN-211: Service Unavailable (RCRequestId req-42)");
        assertThat(failure.nextSteps()).last().isEqualTo(NEW_LINK);
    }

    @Test
    void noAnswerAtTheExchangeIsRingCentralUnavailable() {
        RingCentralFailure lost = unreachable("OAuth code exchange");

        CallbackFailure failure = CallbackFailures.exchange(lost, APP, REDIRECT);

        assertThat(failure.code()).isEqualTo("ringcentral_unavailable");
        assertThat(failure.detail()).isEqualTo(lost.getMessage());
    }

    @Test
    void noPageShowsTheClientSecret() {
        for (RingCentralFailure refused : List.of(refusal(400, "OAU-109"), refusal(400, "OAU-113"), refusal(401, "OAU-153"),
                oauthRefusal(400, "invalid_grant", null), refusal(429), refusal(500))) {
            CallbackFailure failure = CallbackFailures.exchange(refused, APP, REDIRECT);

            assertThat(String.join("\n", failure.title(), failure.error(), failure.detail(), String.join("\n", failure.nextSteps())))
                    .doesNotContain(APP.clientSecret());
        }
    }

    // --- the steps after the exchange

    @Test
    void missingPermissionNamesTheStepAndThePermissionsNeeded() {
        for (String code : List.of("CMN-401", "CMN-408")) {
            CallbackFailure failure = CallbackFailures.setup("reading your phone numbers", refusal(403, code), WEBHOOK);

            assertThat(failure.code()).isEqualTo("permission_missing");
            assertThat(failure.error()).isEqualTo("RingCentral refused reading your phone numbers because the app is "
                    + "missing a permission. Nothing was stored.");
            assertThat(failure.nextSteps().getFirst()).contains("SMS", "ReadMessages", "ReadAccounts", "WebhookSubscriptions");
        }
    }

    @Test
    void failedWebhookHandshakeNamesTheAddressRingCentralTried() {
        CallbackFailure failure = CallbackFailures.setup("creating the webhook subscription for inbound SMS",
                refusal(400, "SUB-525"), WEBHOOK);

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failure.code()).isEqualTo("webhook_unreachable");
        assertThat(failure.error()).isEqualTo(
                "RingCentral could not complete the webhook handshake with " + WEBHOOK + ". Nothing was stored.");
        assertThat(failure.nextSteps().getFirst()).contains("RINGBRIDGE_PUBLIC_URL");
    }

    @Test
    void invalidParameterMeansAnUnreachableWebhookOnlyWhileSubscribing() {
        CallbackFailure subscribing = CallbackFailures.setup("creating the webhook subscription for inbound SMS",
                refusal(400, "CMN-101"), WEBHOOK);
        CallbackFailure readingNumbers = CallbackFailures.setup("reading your phone numbers", refusal(400, "CMN-101"), WEBHOOK);

        assertThat(subscribing.code()).isEqualTo("webhook_unreachable");
        assertThat(readingNumbers.code()).isEqualTo("ringcentral_unavailable");
        assertThat(readingNumbers.error()).isEqualTo("RingCentral failed while reading your phone numbers. Nothing was stored.");
    }

    @Test
    void subscriptionLimitIsExplained() {
        CallbackFailure failure = CallbackFailures.setup("creating the webhook subscription for inbound SMS",
                refusal(400, "SUB-505"), WEBHOOK);

        assertThat(failure.code()).isEqualTo("too_many_subscriptions");
        assertThat(failure.error()).contains("30 webhook subscriptions");
    }

    @Test
    void otherFailureOfAStepSaysWhichStep() {
        CallbackFailure refused = CallbackFailures.setup("reading your RingCentral user", refusal(502), WEBHOOK);
        CallbackFailure lost = CallbackFailures.setup("reading your RingCentral user", unreachable("read extension"), WEBHOOK);

        assertThat(refused.code()).isEqualTo("ringcentral_unavailable");
        assertThat(refused.error()).isEqualTo("RingCentral failed while reading your RingCentral user. Nothing was stored.");
        assertThat(refused.detail()).isEqualTo("RingCentral answered HTTP 502");
        assertThat(lost.code()).isEqualTo("ringcentral_unavailable");
        assertThat(lost.detail()).startsWith("read extension: no answer from RingCentral");
    }

    // --- the wrong account

    @Test
    void userOfAnotherAccountIsAConflictThatChangesNothing() {
        CallbackFailure failure = CallbackFailures.otherAccount("222", "111");

        assertThat(failure.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(failure.code()).isEqualTo("account_mismatch");
        assertThat(failure.error()).isEqualTo("This tenant is connected to RingCentral account 111, but you signed in as a "
                + "user of account 222. Nothing was changed.");
        assertThat(failure.nextSteps()).containsExactly("Sign in with a user of RingCentral account 111.",
                "To switch this tenant to another account, disconnect it first (POST /v1/rc/disconnect), then connect again.");
    }
}
