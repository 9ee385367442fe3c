package io.ringbridge.simulator.testing;

import io.ringbridge.simulator.http.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The authorization-code grant walked straight at the simulator, the way any other client of the same user would:
 * authorize URL, {@link ConsentWalk consent}, token exchange with the app's Basic credentials. It gives a session
 * of the user that the gateway did not open.
 */
public final class CodeGrant {

    private CodeGrant() {
    }

    /** Signs the user in through the app; returns the new session's access token. */
    public static String accessToken(URI server, String clientId, String clientSecret, URI redirectUri,
            Object accountId, long extensionId) {
        URI authorize = server.resolve("/restapi/oauth/authorize?response_type=code&client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(redirectUri.toString(), StandardCharsets.UTF_8) + "&state=own-session");
        String code = ConsentWalk.query(ConsentWalk.approve(authorize, accountId, extensionId)).get("code");
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = ConsentWalk.send(HttpRequest.newBuilder(server.resolve("/restapi/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ConsentWalk.encode(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", redirectUri.toString())))));
        if (token.statusCode() != 200) {
            throw new AssertionError("token: " + token.statusCode() + " " + token.body());
        }
        return Json.MAPPER.readTree(token.body()).path("access_token").asString();
    }
}
