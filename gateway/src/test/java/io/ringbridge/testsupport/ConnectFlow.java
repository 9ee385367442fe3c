package io.ringbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The connect flow as a browser walks it, over plain HTTP: connect link → POST /v1/rc/connect (303) →
 * RingCentral's consent page → Approve or Deny as a chosen user (302 to the callback) → the callback.
 * The real-browser version of the same walk lives in the browser tests.
 */
public final class ConnectFlow {

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

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
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorizeUrl).GET().build());
        Matcher matcher = REQUEST_ID.matcher(page.body());
        assertThat(matcher.find()).as("consent page: %s", page.body()).isTrue();
        String form = Map.of("request_id", matcher.group(1), "user", account + ":" + extensionId,
                        "decision", approve ? "approve" : "deny").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI consentUrl = authorizeUrl.resolve(authorizeUrl.getPath().replace("/authorize", "/consent"));
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(consentUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(redirect.statusCode()).as("consent answer: %s", redirect.body()).isEqualTo(302);
        return URI.create(redirect.headers().firstValue("Location").orElseThrow());
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

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
