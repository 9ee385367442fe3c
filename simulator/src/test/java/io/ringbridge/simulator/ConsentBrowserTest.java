package io.ringbridge.simulator;

import static io.ringbridge.simulator.SimulatorClient.BOB;
import static io.ringbridge.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.testsupport.Browser;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The consent page used by a real headless Chromium: approve and deny. */
class ConsentBrowserTest {
    static RingCentralSimulator simulator;
    static HttpServer callback;
    static final BlockingQueue<String> callbacks = new LinkedBlockingQueue<>();
    static String redirectUri;

    @BeforeAll
    static void start() throws Exception {
        callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/callback", exchange -> {
            callbacks.add(exchange.getRequestURI().getRawQuery());
            byte[] page = "<html><body id=\"done\">connected</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        callback.start();
        redirectUri = "http://127.0.0.1:" + callback.getAddress().getPort() + "/callback";
        simulator = RingCentralSimulator.start(SimulatorConfig.builder().rateLimitsEnabled(false).label("SANDBOX")
                .app(new App("browser-app", "browser-secret", "Browser test app", List.of(redirectUri),
                        List.of("SMS", "ReadAccounts"))).build());
    }

    @AfterAll
    static void stop() {
        simulator.close();
        callback.stop(0);
    }

    private String authorizeUrl(String state) {
        return simulator.baseUri() + "/restapi/oauth/authorize?" + SimulatorClient.encode(Map.of(
                "response_type", "code", "client_id", "browser-app", "redirect_uri", redirectUri, "state", state));
    }

    @Test
    void approveInTheBrowserRedirectsWithACodeThatRedeems() throws Exception {
        String query;
        try (Browser browser = Browser.start()) {
            browser.driver().get(authorizeUrl("st-approve"));
            assertThat(browser.driver().findElement(By.id("sandbox-label")).getText()).isEqualTo("SANDBOX");
            new Select(browser.driver().findElement(By.id("user"))).selectByValue("400000001:" + BOB);
            browser.driver().findElement(By.id("approve")).click();
            query = callbacks.poll(15, TimeUnit.SECONDS);
            assertThat(query).isNotNull();
            assertThat(browser.driver().getCurrentUrl()).startsWith(redirectUri);
        }
        Map<String, String> params = SimulatorClient.query("http://x/?" + query);
        assertThat(params).containsEntry("state", "st-approve").containsEntry("expires_in", "60");
        SimulatorClient client = new SimulatorClient(simulator);
        HttpResponse<String> token = client.form("/restapi/oauth/token", Map.of("grant_type", "authorization_code",
                "code", params.get("code"), "redirect_uri", redirectUri), "browser-app", "browser-secret");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json(token).get("owner_id").asString()).isEqualTo(Long.toString(BOB));
    }

    @Test
    void denyInTheBrowserRedirectsWithAccessDenied() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.driver().get(authorizeUrl("st-deny"));
            browser.driver().findElement(By.id("deny")).click();
            String query = callbacks.poll(15, TimeUnit.SECONDS);
            assertThat(query).isNotNull();
            Map<String, String> params = SimulatorClient.query("http://x/?" + query);
            assertThat(params).containsEntry("error", "access_denied").containsEntry("state", "st-deny")
                    .doesNotContainKey("code");
        }
    }
}
