package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.directory.PhoneNumber;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consent page introduces each user by name, extension and numbers, and the app's permissions in words. */
class ConsentPageTest {
    RingCentralSimulator simulator;
    SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false).build());
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> page(String clientId) {
        return client.authorizePage(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT_URI));
    }

    @Test
    void usersAreShownWithTheirExtensionAndPhoneNumbers() {
        String body = page(SimulatorClient.CLIENT_ID).body();
        assertThat(body)
                .contains("<optgroup label=\"Demo Company\">")
                .contains("<option value=\"400000001:400000101\">Alice Able, ext. 101: +16505550101, +18885550102"
                        + "</option>")
                .contains(">Bob Baker, ext. 102: +16505550103</option>");
    }

    @Test
    void permissionsAreListedInWords() {
        String body = page(SimulatorClient.CLIENT_ID).body();
        assertThat(body).contains("<ul id=\"permissions\">")
                .contains("<li title=\"SMS\">Send and receive SMS</li>")
                .contains("<li title=\"ReadMessages\">Read your messages</li>")
                .contains("<li title=\"ReadAccounts\">Read your account and extension information</li>")
                .contains("<li title=\"WebhookSubscriptions\">Receive notifications of new messages (webhook "
                        + "subscriptions)</li>");
        simulator.admin().addApp(new App("presence-app", "s", "Presence", List.of(REDIRECT_URI),
                List.of("ReadPresence")));
        assertThat(page("presence-app").body()).contains("<li title=\"ReadPresence\">Read presence</li>");
    }

    @Test
    void everythingFromTheDirectoryIsEscaped() {
        Account account = simulator.admin().addAccount(new Account(0, "Smith & <Sons>", null, List.of()));
        simulator.admin().addExtension(account.id(), new Extension(0, "7\"", "<script>alert(1)</script>", null,
                null, null, List.of(new PhoneNumber(0, "+1555<b>", List.of("SmsSender"), null, null, null, null,
                        true, null, null))));
        simulator.admin().addApp(new App("odd-app", "s", "Odd <app>", List.of(REDIRECT_URI),
                List.of("SMS", "<Weird>")));
        String body = page("odd-app").body();
        assertThat(body).doesNotContain("<script>", "<Sons>", "<b>", "<Weird>", "<app>")
                .contains("<optgroup label=\"Smith &amp; &lt;Sons&gt;\">")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;, ext. 7&quot;: +1555&lt;b&gt;</option>")
                .contains("<strong>Odd &lt;app&gt;</strong>")
                .contains("<li title=\"&lt;Weird&gt;\">&lt;Weird&gt;</li>");
    }
}
