package io.ringbridge.ringcentral;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** RingCentral's OAuth 2.0 endpoints: authorize URL, code and refresh grants, revoke (all in the Auth group). */
public final class RingCentralOAuth {

    static final String AUTHORIZE = "/restapi/oauth/authorize";
    static final String TOKEN = "/restapi/oauth/token";
    static final String REVOKE = "/restapi/oauth/revoke";

    private final RingCentralHttp http;

    RingCentralOAuth(RingCentralHttp http) {
        this.http = http;
    }

    /** The URL to send the user's browser to: authorization-code flow with PKCE S256. */
    public URI authorizeUrl(RingCentralApp app, AuthorizeRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", request.redirectUri().toString());
        query.put("state", request.state());
        query.put("code_challenge", request.codeChallenge());
        query.put("code_challenge_method", "S256");
        query.put("prompt", request.prompt());
        query.put("brand_id", request.brandId());
        query.put("ui_locales", request.uiLocales());
        String encoded = query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> RingCentralHttp.encode(e.getKey()) + "=" + RingCentralHttp.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return RingCentralHttp.at(app.server(), AUTHORIZE + "?" + encoded);
    }

    /** The {@code authorization_code} grant; {@code redirectUri} must be the one used at authorize. */
    public TokenSet exchangeCode(RingCentralApp app, String code, URI redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        return token("exchange authorization code", app, form).body();
    }

    /**
     * The {@code refresh_token} grant. RingCentral rotates: the answer holds a new refresh token. Its rate-limit
     * headers come along, for pacing the user's refreshes.
     */
    public RefreshedTokens refresh(RingCentralApp app, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        RingCentralHttp.Answer<TokenSet> answer = token("refresh token", app, form);
        return new RefreshedTokens(answer.body(), RateLimitStatus.from(answer.headers()));
    }

    /** Ends the whole OAuth session the token belongs to. */
    public void revoke(RingCentralApp app, String token) {
        HttpRequest request = http.request(RingCentralHttp.at(app.server(), REVOKE))
                .header("Authorization", RingCentralHttp.basic(app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(RingCentralHttp.form(Map.of("token", token)))
                .build();
        http.send("revoke token", request, Void.class);
    }

    private RingCentralHttp.Answer<TokenSet> token(String operation, RingCentralApp app, Map<String, String> form) {
        // Confidential client: credentials in the Basic header, never in the form body (RingCentral answers OAU-153).
        HttpRequest request = http.request(RingCentralHttp.at(app.server(), TOKEN))
                .header("Authorization", RingCentralHttp.basic(app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(RingCentralHttp.form(form))
                .build();
        return http.send(operation, request, TokenSet.class);
    }
}
