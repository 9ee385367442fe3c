package io.ringbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.ringbridge.simulator.testing.ConsentWalk;

/**
 * The connect flow as a browser walks it, over plain HTTP: connect link → POST /v1/rc/connect (303) →
 * RingCentral's consent page → Approve or Deny as a chosen user (302 to the callback) → the callback.
 * The real-browser version of the same walk lives in the browser tests.
 */
public final class ConnectFlow {

    private ConnectFlow() {
    }

    /** A new connect or invite link of the app's tenant (the path, as the API returns it). */
    public static String link(Api api, String apiKey, boolean invite) {
        Response response = api.post(invite ? "/v1/rc/invite-token" : "/v1/rc/connect-token", apiKey, null);
        assertThat(response.status()).as("link: %s", response).isEqualTo(200);
        return response.text("connectUrl");
    }

    /** What "Connect RingCentral" does: POSTs the link's token; returns the gateway's answer (303 or a page). */
    public static Response click(Api api, String connectUrl) {
        String token = connectUrl.substring(connectUrl.indexOf("token=") + "token=".length());
        return api.send("POST", "/v1/rc/connect",
                HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** At RingCentral: opens the authorize URL and submits the consent form; returns the redirect location. */
    public static URI consent(URI authorizeUrl, String account, long extensionId, boolean approve) {
        return ConsentWalk.decide(authorizeUrl, ConsentWalk.user(account, extensionId),
                approve ? ConsentWalk.APPROVE : ConsentWalk.DENY);
    }

    /** RingCentral sends the browser back: GET of the callback URL (path and query) on the gateway. */
    public static Response callback(Api api, URI callbackUrl) {
        return api.get(callbackUrl.getRawPath() + "?" + callbackUrl.getRawQuery(), null);
    }

    /** The whole walk for a user who approves; returns the callback's answer. */
    public static Response connect(Api api, String apiKey, boolean invite, String account, long extensionId) {
        Response click = click(api, link(api, apiKey, invite));
        assertThat(click.status()).as("click: %s", click).isEqualTo(303);
        URI callback = consent(URI.create(click.header("Location")), account, extensionId, true);
        return callback(api, callback);
    }
}
