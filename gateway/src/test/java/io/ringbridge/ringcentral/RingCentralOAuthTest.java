package io.ringbridge.ringcentral;

import static io.ringbridge.ringcentral.Failures.refused;
import static io.ringbridge.ringcentral.Sandbox.ALICE;
import static io.ringbridge.ringcentral.Sandbox.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.oauth.OAuthSettings;
import io.ringbridge.simulator.testing.ConsentWalk;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RingCentralOAuth} against the simulator over HTTP: the authorize URL, the code grant with PKCE, the
 * refresh grant with rotation, revoke, client authentication, and how each OAuth refusal and each 401 of the
 * API is mapped.
 */
class RingCentralOAuthTest {
    static Sandbox sandbox;
    static RingCentralOAuth oauth;

    @BeforeAll
    static void start() {
        // Rate limits are the failure-mapping test's subject; here they would only make sign-ins flaky.
        sandbox = Sandbox.start(SimulatorConfig.builder().rateLimitsEnabled(false));
        oauth = sandbox.client.oauth();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void standardRules() {
        sandbox.admin().oauth(OAuthSettings.standard());
    }

    // --- authorize URL

    @Test
    void authorizeUrlCarriesEveryParameterUrlEncoded() {
        URI redirect = URI.create("https://gw.example.com/connect/callback?tenant=a%20b&x=1");
        String state = "tenant 7/ä&=+?#";
        AuthorizeRequest request = new AuthorizeRequest(redirect, state, "challenge-value", "login consent", "1210",
                "en-US fr-CA");

        URI url = oauth.authorizeUrl(sandbox.app, request);

        assertThat(url.getScheme() + "://" + url.getRawAuthority()).isEqualTo(sandbox.server.toString());
        assertThat(url.getPath()).isEqualTo("/restapi/oauth/authorize");
        // Every reserved character of a value is percent-encoded: nothing leaks into the URL's structure.
        assertThat(url.getRawQuery()).doesNotContain(" ", "#", "?").contains("&state=tenant+7%2F%C3%A4%26%3D%2B%3F%23&");
        assertThat(ConsentWalk.query(url)).containsExactly(
                Map.entry("response_type", "code"),
                Map.entry("client_id", Sandbox.CLIENT_ID),
                Map.entry("redirect_uri", redirect.toString()),
                Map.entry("state", state),
                Map.entry("code_challenge", "challenge-value"),
                Map.entry("code_challenge_method", "S256"),
                Map.entry("prompt", "login consent"),
                Map.entry("brand_id", "1210"),
                Map.entry("ui_locales", "en-US fr-CA"));
        Secrets.notIn(url, Sandbox.CLIENT_SECRET);
    }

    @Test
    void authorizeUrlLeavesOutOptionalParametersThatAreNotSet() {
        URI url = oauth.authorizeUrl(sandbox.app, AuthorizeRequest.of(REDIRECT_URI, "s", "c"));

        assertThat(ConsentWalk.query(url)).containsOnlyKeys("response_type", "client_id", "redirect_uri", "state",
                "code_challenge", "code_challenge_method");
    }

    @Test
    void pkceChallengeIsTheS256OfTheVerifier() throws Exception {
        Pkce pkce = Pkce.generate();

        // RFC 7636: verifier of 43-128 unreserved characters, challenge = BASE64URL(SHA-256(ASCII(verifier))).
        assertThat(pkce.verifier()).matches("[A-Za-z0-9._~-]{43,128}");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(pkce.verifier().getBytes(StandardCharsets.US_ASCII));
        assertThat(pkce.challenge()).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        assertThat(Pkce.challengeOf(pkce.verifier())).isEqualTo(pkce.challenge());
        assertThat(Pkce.generate().verifier()).isNotEqualTo(pkce.verifier());
        // The RFC's own example (appendix B).
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void authorizeUrlWithAllOptionsIsAcceptedByTheServer() {
        Pkce pkce = Pkce.generate();
        URI url = oauth.authorizeUrl(sandbox.app, new AuthorizeRequest(REDIRECT_URI, "s t", pkce.challenge(),
                "login", "1210", "en-US"));

        Map<String, String> callback = Sandbox.consent(url, ALICE);

        assertThat(callback).containsEntry("state", "s t");
        assertThat(oauth.exchangeCode(sandbox.app, callback.get("code"), REDIRECT_URI, pkce.verifier()).ownerId())
                .isEqualTo(Long.toString(ALICE));
    }

    // --- code grant

    @Test
    void codeExchangeWithPkceSignsTheUserIn() {
        TokenSet tokens = sandbox.signIn(ALICE);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank().isNotEqualTo(tokens.accessToken());
        assertThat(tokens.tokenType()).isEqualTo("bearer");
        assertThat(tokens.expiresIn()).isBetween(3590L, 3600L);
        assertThat(tokens.refreshTokenExpiresIn()).isBetween(604_790L, 604_800L);
        assertThat(tokens.ownerId()).isEqualTo(Long.toString(ALICE));
        assertThat(tokens.scope()).contains("SMS", "ReadMessages");
        assertThat(tokens.sessionId()).isNotBlank();
        assertThat(tokens.endpointId()).isNotBlank();
        assertThat(sandbox.client.api().currentExtension(sandbox.access(tokens)).id()).isEqualTo(ALICE);
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        String code = sandbox.code(sandbox.app, ALICE, Pkce.generate());
        String otherVerifier = Pkce.generate().verifier();

        RingCentralException e = refused(() -> oauth.exchangeCode(sandbox.app, code, REDIRECT_URI, otherVerifier));

        assertInvalidGrant(e, "OAU-106");
        assertThat(e.operation()).isEqualTo("exchange authorization code");
        Secrets.notIn(e, code, otherVerifier, Sandbox.CLIENT_SECRET);
    }

    @Test
    void reusedCodeIsInvalidGrant() {
        Pkce pkce = Pkce.generate();
        String code = sandbox.code(sandbox.app, ALICE, pkce);
        oauth.exchangeCode(sandbox.app, code, REDIRECT_URI, pkce.verifier());

        RingCentralException e = refused(() -> oauth.exchangeCode(sandbox.app, code, REDIRECT_URI, pkce.verifier()));

        assertInvalidGrant(e, "OAU-106");
        assertThat(e.description()).contains("Invalid authorization code");
    }

    @Test
    void expiredCodeIsInvalidGrant() throws InterruptedException {
        sandbox.admin().oauth(withCodeTtl(Duration.ofMillis(1)));
        Pkce pkce = Pkce.generate();
        String code = sandbox.code(sandbox.app, ALICE, pkce);
        Thread.sleep(20);

        RingCentralException e = refused(() -> oauth.exchangeCode(sandbox.app, code, REDIRECT_URI, pkce.verifier()));

        assertInvalidGrant(e, "OAU-108");
    }

    @Test
    void redirectUriOtherThanAtAuthorizeIsInvalidGrant() {
        Pkce pkce = Pkce.generate();
        String code = sandbox.code(sandbox.app, ALICE, pkce);

        RingCentralException e = refused(() -> oauth.exchangeCode(sandbox.app, code,
                URI.create("http://localhost:8080/elsewhere"), pkce.verifier()));

        assertInvalidGrant(e, "OAU-109");
    }

    // --- refresh grant

    @Test
    void refreshRotatesThePairAndTheOldAccessTokenStopsWorking() {
        TokenSet first = sandbox.signIn(ALICE);

        TokenSet second = oauth.refresh(sandbox.app, first.refreshToken()).tokens();

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(sandbox.client.api().currentExtension(sandbox.access(second)).id()).isEqualTo(ALICE);
        // Right after the rotation RingCentral calls the old access token "corrupted" (OAU-129), later "not found".
        RingCentralException e = refused(() -> sandbox.client.api().currentExtension(sandbox.access(first)));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.errorCodes()).containsExactly("OAU-129");
        assertThat(e.oauthError()).isEmpty();
        assertThat(e.transientFailure()).isFalse();
        assertThat(e.operation()).isEqualTo("read extension");
        Secrets.notIn(e, first.accessToken());
        // Within the grace period the spent refresh token yields the same new pair again (no second rotation).
        assertThat(oauth.refresh(sandbox.app, first.refreshToken()).tokens().accessToken()).isEqualTo(second.accessToken());
    }

    @Test
    void rotatedOutTokensAreNotFoundOnceTheGraceIsOver() {
        sandbox.admin().oauth(withGrace(Duration.ZERO));
        TokenSet first = sandbox.signIn(ALICE);
        oauth.refresh(sandbox.app, first.refreshToken());

        RingCentralException refresh = refused(() -> oauth.refresh(sandbox.app, first.refreshToken()));
        RingCentralException api = refused(() -> sandbox.client.api().currentExtension(sandbox.access(first)));

        assertInvalidGrant(refresh, "OAU-213");
        assertThat(refresh.operation()).isEqualTo("refresh token");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.errorCodes()).containsExactly("OAU-213");
        Secrets.notIn(refresh, first.refreshToken(), Sandbox.CLIENT_SECRET);
    }

    @Test
    void expiredRefreshTokenIsOau210() throws InterruptedException {
        sandbox.admin().tokenLifetimes(Duration.ofHours(1), Duration.ofMillis(1));
        TokenSet tokens = sandbox.signIn(ALICE);
        Thread.sleep(20);

        assertInvalidGrant(refused(() -> oauth.refresh(sandbox.app, tokens.refreshToken())), "OAU-210");
    }

    @Test
    void expiredAccessTokenIsOau128() throws InterruptedException {
        sandbox.admin().tokenLifetimes(Duration.ofMillis(1), Duration.ofDays(7));
        TokenSet tokens = sandbox.signIn(ALICE);
        Thread.sleep(20);

        RingCentralException e = refused(() -> sandbox.client.api().currentExtension(sandbox.access(tokens)));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.errorCodes()).containsExactly("OAU-128");
        assertThat(e.description()).contains("Access token expired.");
        // An expired access token is what the refresh grant is for.
        assertThat(oauth.refresh(sandbox.app, tokens.refreshToken()).tokens().accessToken()).isNotBlank();
    }

    @Test
    void sessionEndedByTheUserIsOau211() {
        TokenSet tokens = sandbox.signIn(ALICE);
        assertThat(sandbox.admin().revokeSession(tokens.sessionId())).isTrue();

        assertInvalidGrant(refused(() -> oauth.refresh(sandbox.app, tokens.refreshToken())), "OAU-211");
    }

    // --- revoke

    @Test
    void revokeEndsTheWholeSession() {
        TokenSet tokens = sandbox.signIn(ALICE);

        oauth.revoke(sandbox.app, tokens.accessToken());

        assertInvalidGrant(refused(() -> oauth.refresh(sandbox.app, tokens.refreshToken())), "OAU-211");
        RingCentralException api = refused(() -> sandbox.client.api().currentExtension(sandbox.access(tokens)));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.errorCodes()).containsExactly("OAU-213");
    }

    @Test
    void revokeWithTheRefreshTokenEndsTheSessionToo() {
        TokenSet tokens = sandbox.signIn(ALICE);

        oauth.revoke(sandbox.app, tokens.refreshToken());

        assertInvalidGrant(refused(() -> oauth.refresh(sandbox.app, tokens.refreshToken())), "OAU-211");
    }

    // --- client authentication

    @Test
    void wrongClientSecretIsInvalidClient() {
        TokenSet tokens = sandbox.signIn(ALICE);
        RingCentralApp wrong = sandbox.app("demo-client-id", "not-the-secret-4711");

        for (RingCentralException e : new RingCentralException[] {
                refused(() -> oauth.refresh(wrong, tokens.refreshToken())),
                refused(() -> oauth.exchangeCode(wrong, "any-code", REDIRECT_URI, Pkce.generate().verifier())),
                refused(() -> oauth.revoke(wrong, tokens.accessToken()))}) {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.oauthError()).contains("invalid_client");
            assertThat(e.errorCodes()).containsExactly("OAU-153");
            assertThat(e.transientFailure()).isFalse();
            Secrets.notIn(e, "not-the-secret-4711", tokens.refreshToken(), tokens.accessToken());
        }
        // The refused revoke did not end the session.
        assertThat(oauth.refresh(sandbox.app, tokens.refreshToken()).tokens().accessToken()).isNotBlank();
    }

    @Test
    void unknownClientIsInvalidClient() {
        RingCentralException e = refused(() -> oauth.refresh(sandbox.app("no-such-client", "x"), "some-refresh-token"));

        assertThat(e.oauthError()).contains("invalid_client");
        assertThat(e.errorCodes()).containsExactly("OAU-153");
    }

    private static void assertInvalidGrant(RingCentralException e, String code) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.oauthError()).contains("invalid_grant");
        assertThat(e.errorCodes()).containsExactly(code);
        assertThat(e.description()).isPresent();
        assertThat(e.transientFailure()).isFalse();
        assertThat(e.rateLimited()).isFalse();
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).contains("HTTP 400", code, "invalid_grant", e.requestId().get());
    }

    private static OAuthSettings withCodeTtl(Duration ttl) {
        OAuthSettings s = OAuthSettings.standard();
        return new OAuthSettings(s.accessTokenTtl(), s.refreshTokenTtl(), s.graceAfterUse(), s.graceUnused(), ttl,
                s.sessionCap());
    }

    private static OAuthSettings withGrace(Duration grace) {
        OAuthSettings s = OAuthSettings.standard();
        return new OAuthSettings(s.accessTokenTtl(), s.refreshTokenTtl(), grace, grace, s.authCodeTtl(), s.sessionCap());
    }
}
