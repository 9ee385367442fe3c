package io.ringbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.Contact;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.directory.PhoneNumber;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * What the connection tests look at besides the HTTP answers: the gateway's rows of a tenant, and the
 * simulated RingCentral's sessions and subscriptions. Also a second RingCentral account for "wrong account" cases.
 */
final class ConnectWorld {

    private static final Pattern TITLE = Pattern.compile("<h1 id=\"title\">([^<]*)</h1>");

    private ConnectWorld() {
    }

    /** Everything the gateway keeps about a tenant's connection (plus the outbox, written in the same transaction). */
    record Rows(long extensions, long numbers, long subscriptions, long events) {

        static Rows of(TestGateway gateway, String tenantId) {
            return new Rows(count(gateway, "rc_extension", tenantId), count(gateway, "rc_phone_number", tenantId),
                    count(gateway, "rc_subscription", tenantId), count(gateway, "event_outbox", tenantId));
        }

        static Rows none() {
            return new Rows(0, 0, 0, 0);
        }

        private static long count(TestGateway gateway, String table, String tenantId) {
            return gateway.jdbc().sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t").param("t", tenantId)
                    .query(Long.class).single();
        }
    }

    /** The sealed token columns of one extension row (to tell new tokens from old ones). */
    record SealedTokens(String access, String refresh) {

        static SealedTokens of(TestGateway gateway, String tenantId, long extensionId) {
            return gateway.jdbc().sql("SELECT access_token, refresh_token FROM rc_extension WHERE tenant_id = :t AND extension_id = :e")
                    .param("t", tenantId).param("e", Long.toString(extensionId))
                    .query((rs, n) -> new SealedTokens(rs.getString("access_token"), rs.getString("refresh_token")))
                    .single();
        }
    }

    /** A user of another RingCentral account than the demo one. */
    record OtherUser(String accountId, long extensionId, String smsNumber) {
    }

    static OtherUser addOtherAccount(SimulatedRingCentral ringCentral, String smsNumber) {
        Account account = ringCentral.admin().addAccount(new Account(0, "Other Company", null, List.of()));
        Extension carol = ringCentral.admin().addExtension(account.id(), new Extension(0, "301", "Carol Other", null, null,
                new Contact("Carol", "Other", "carol@other.example.com", null),
                List.of(new PhoneNumber(0, smsNumber, List.of("SmsSender", "CallerId"), null, null, null, null, true, null,
                        "Boston, MA"))));
        return new OtherUser(Long.toString(account.id()), carol.id(), smsNumber);
    }

    /** Registers (or replaces) an app at the simulator exactly as given. */
    static void registerApp(SimulatedRingCentral ringCentral, String clientId, String secret, List<String> redirectUris,
                            List<String> permissions) {
        ringCentral.admin().addApp(new App(clientId, secret, "App " + clientId, redirectUris, permissions));
    }

    /** The callback address a gateway's redirect URI has (its public URL is http://localhost:port). */
    static String redirectUri(TestGateway gateway) {
        return "http://localhost:" + gateway.baseUri().getPort() + "/v1/rc/callback";
    }

    /** Session id → status (Active, REVOKED, EVICTED) of one user with one app at the simulator. */
    static Map<String, String> sessions(SimulatedRingCentral ringCentral, long extensionId, String clientId) {
        return ringCentral.admin().sessions().stream()
                .filter(s -> s.get("extensionId").equals(Long.toString(extensionId)) && s.get("clientId").equals(clientId))
                .collect(Collectors.toMap(s -> (String) s.get("sessionId"), s -> (String) s.get("status")));
    }

    /** Ids of the live subscriptions of one user at the simulator. */
    static Set<String> subscriptionIds(SimulatedRingCentral ringCentral, long extensionId) {
        return ringCentral.admin().subscriptions().stream()
                .filter(s -> Objects.equals(s.get("extensionId"), Long.toString(extensionId)))
                .map(s -> (String) s.get("id")).collect(Collectors.toSet());
    }

    /** The RingCentral subscription ids the gateway recorded for one extension. */
    static Set<String> recordedSubscriptionIds(TestGateway gateway, String tenantId, long extensionId) {
        return Set.copyOf(gateway.jdbc().sql("SELECT rc_subscription_id FROM rc_subscription WHERE tenant_id = :t AND extension_id = :e")
                .param("t", tenantId).param("e", Long.toString(extensionId)).query(String.class).list());
    }

    /** Clicks a new link and approves at RingCentral; returns where RingCentral sends the browser back. */
    static URI approvedCallback(Api api, String apiKey, boolean invite, String account, long extensionId) {
        Response click = ConnectFlow.click(api, ConnectFlow.link(api, apiKey, invite));
        assertThat(click.status()).as("click: %s", click).isEqualTo(303);
        return ConnectFlow.consent(URI.create(click.header("Location")), account, extensionId, true);
    }

    /** The same callback, asking for JSON. */
    static Response callbackJson(Api api, URI callback) {
        return api.get(callback.getRawPath() + "?" + callback.getRawQuery() + "&format=json", null);
    }

    /** The heading of a gateway page. */
    static String title(Response page) {
        Matcher matcher = TITLE.matcher(page.body());
        assertThat(matcher.find()).as("a gateway page: %s", page.body()).isTrue();
        return HtmlUtils.htmlUnescape(matcher.group(1));
    }

    /** The page's text as a person reads it: tags dropped, entities decoded, whitespace collapsed. */
    static String text(Response page) {
        String body = page.body().replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]+>", " ");
        return HtmlUtils.htmlUnescape(body).replaceAll("\\s+", " ").strip();
    }

    /** Asserts an HTML page of the gateway with the given status, and returns its readable text. */
    static String htmlPage(Response page, int status) {
        assertThat(page.status()).as("%s", page).isEqualTo(status);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        return text(page);
    }

    static final String CLIENT_ID = SimulatedRingCentral.CLIENT_ID;
}
