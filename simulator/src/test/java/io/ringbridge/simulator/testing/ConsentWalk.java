package io.ringbridge.simulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at the simulator's consent page, over plain HTTP: opens the authorize URL, picks the user to sign in as
 * ({@code accountId:extensionId}, the values of the page's select) and approves or denies; the simulator answers
 * with a redirect to the app's callback carrying {@code code} or {@code error}. The form is posted where the page
 * says ({@code #consent-form}'s action), so a simulator mounted under a path is walked the same way.
 */
public final class ConsentWalk {

    public static final String APPROVE = "approve";
    public static final String DENY = "deny";

    private static final Pattern FORM_ACTION = Pattern.compile("id=\"consent-form\" method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

    /** Its own client, not the one under test, so a consent-page problem cannot hide a client problem. */
    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private ConsentWalk() {
    }

    /** The select's value for a user of an account. */
    public static String user(Object accountId, long extensionId) {
        return accountId + ":" + extensionId;
    }

    /** Approves as the user; returns where the simulator redirects (the callback with {@code code}). */
    public static URI approve(URI authorizeUrl, Object accountId, long extensionId) {
        return decide(authorizeUrl, user(accountId, extensionId), APPROVE);
    }

    /** Walks the page to the end and returns the redirect's location (asserting there is one). */
    public static URI decide(URI authorizeUrl, String user, String decision) {
        HttpResponse<String> page = open(authorizeUrl);
        if (page.statusCode() != 200) {
            throw new AssertionError("consent page of " + authorizeUrl + ": " + page.statusCode() + " " + page.body());
        }
        HttpResponse<String> redirect = submit(page, user, decision);
        if (redirect.statusCode() != 302) {
            throw new AssertionError("consent answer: " + redirect.statusCode() + " " + redirect.body());
        }
        return URI.create(redirect.headers().firstValue("Location").orElseThrow());
    }

    /** GET of the authorize URL: the consent page, or the simulator's error answer. */
    public static HttpResponse<String> open(URI authorizeUrl) {
        return send(HttpRequest.newBuilder(authorizeUrl).GET());
    }

    /** Submits the consent form of {@code page} as {@code user}; returns the simulator's answer as it is. */
    public static HttpResponse<String> submit(HttpResponse<String> page, String user, String decision) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("request_id", field(REQUEST_ID, page.body()));
        form.put("user", user);
        form.put("decision", decision);
        return send(HttpRequest.newBuilder(page.uri().resolve(field(FORM_ACTION, page.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** The decoded query parameters of a redirect location, in order. */
    public static Map<String, String> query(URI location) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return BROWSER.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no consent form in: " + html);
        }
        return matcher.group(1).replace("&amp;", "&");
    }
}
