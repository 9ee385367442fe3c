package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Browser;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.World;
import tools.jackson.databind.JsonNode;

/**
 * docs/API.md "RingCentral connection" in a real headless Chromium: the connect link's confirmation page, the Connect
 * RingCentral button, RingCentral's consent page, and the gateway's result page, with every redirect and content
 * security policy as a browser enforces them.
 */
@SharedGateways
@EveryDatabase
class ConnectBrowserTest {

    static World world;
    /** The gateway as browsers reach it: its public URL, the origin of its OAuth redirect URI. */
    static String publicUrl;
    static ConnectWorld.OtherUser carol;

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;
    Browser browser;
    WebDriver driver;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        world = Gateways.withSimulator(database);
        publicUrl = "http://localhost:" + world.gateway().baseUri().getPort();
        carol = ConnectWorld.addOtherAccount(world.ringCentral(), "+16175550302");
    }

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Browser.available(),
                "No Chromium/chromedriver at " + Browser.CHROMIUM + " / " + Browser.CHROMEDRIVER + " (CI installs them)");
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void approvingInTheBrowserConnectsTheAccount() {
        openLinkAndClickConnect(ConnectFlow.link(api, app.apiKey(), false));
        signInAtRingCentral(ACCOUNT, ALICE, "approve");

        assertThat(navigationStatus()).isEqualTo(200);
        assertThat(text("title")).isEqualTo("RingCentral connected");
        assertThat(text("ringcentral-account")).isEqualTo(ACCOUNT);
        assertThat(text("extension")).isEqualTo("Alice Able, ext. 101 (id " + ALICE + ")");
        assertThat(text("role")).isEqualTo("primary user of this tenant");
        assertThat(driver.findElements(By.cssSelector("#numbers li"))).extracting(WebElement::getText).containsExactly(ALICE_SMS);

        JsonNode status = api.get("/v1/rc/status", app.apiKey()).json();
        assertThat(status.path("connected").asBoolean()).isTrue();
        assertThat(status.path("rcAccountId").asString()).isEqualTo(ACCOUNT);
        JsonNode extensions = api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions");
        assertThat(extensions.size()).isEqualTo(1);
        assertThat(extensions.get(0).path("extensionId").asString()).isEqualTo(Long.toString(ALICE));
        assertThat(extensions.get(0).path("status").asString()).isEqualTo("active");
        assertThat(extensions.get(0).path("phoneNumbers").valueStream().map(JsonNode::asString)).containsExactly(ALICE_SMS);
    }

    @Test
    void denyingInTheBrowserShowsRingCentralsAnswerAndWhatToDo() {
        openLinkAndClickConnect(ConnectFlow.link(api, app.apiKey(), false));
        signInAtRingCentral(ACCOUNT, ALICE, "deny");

        assertThat(navigationStatus()).isEqualTo(400);
        assertThat(text("title")).isEqualTo("RingCentral access was not granted");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("The user has denied access to the application");
        assertThat(text("next-steps")).contains("new connection link").contains("Authorize (or Approve)");
        assertThat(api.get("/v1/rc/status", app.apiKey()).body()).isEqualTo("{\"connected\":false}");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).isEqualTo(ConnectWorld.Rows.none());
    }

    @Test
    void anInviteLinkConnectsASecondUser() {
        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);

        openLinkAndClickConnect(ConnectFlow.link(api, app.apiKey(), true));
        signInAtRingCentral(ACCOUNT, BOB, "approve");

        assertThat(navigationStatus()).isEqualTo(200);
        assertThat(text("title")).isEqualTo("RingCentral connected");
        assertThat(text("extension")).contains("Bob Baker").contains(Long.toString(BOB));
        assertThat(text("role")).isEqualTo("additional user");
        assertThat(driver.findElements(By.cssSelector("#numbers li"))).extracting(WebElement::getText).containsExactly(BOB_SMS);
        List<JsonNode> extensions = api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").valueStream().toList();
        assertThat(extensions).extracting(e -> e.path("extensionId").asString())
                .containsExactly(Long.toString(ALICE), Long.toString(BOB));
        assertThat(extensions).extracting(e -> e.path("status").asString()).containsOnly("active");
        assertThat(extensions.get(1).path("phoneNumbers").valueStream().map(JsonNode::asString)).containsExactly(BOB_SMS);
    }

    @Test
    void aUserOfAnotherAccountGetsThe409PageAndNothingIsStored() {
        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
        ConnectWorld.Rows rows = ConnectWorld.Rows.of(world.gateway(), app.tenantId());
        Set<String> carolsSubscriptions = ConnectWorld.subscriptionIds(world.ringCentral(), carol.extensionId());
        Map<String, String> carolsSessions = ConnectWorld.sessions(world.ringCentral(), carol.extensionId(), CLIENT_ID);

        openLinkAndClickConnect(ConnectFlow.link(api, app.apiKey(), true));
        signInAtRingCentral(carol.accountId(), carol.extensionId(), "approve");

        assertThat(navigationStatus()).isEqualTo(409);
        assertThat(text("title")).isEqualTo("That user belongs to another RingCentral account");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("connected to RingCentral account " + ACCOUNT)
                .contains("user of account " + carol.accountId()).contains("Nothing was changed");
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId())).as("nothing stored").isEqualTo(rows);
        assertThat(api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").size()).isEqualTo(1);
        assertThat(ConnectWorld.subscriptionIds(world.ringCentral(), carol.extensionId())).as("no subscription for Carol")
                .isEqualTo(carolsSubscriptions);
        Map<String, String> opened = new java.util.HashMap<>(ConnectWorld.sessions(world.ringCentral(), carol.extensionId(), CLIENT_ID));
        opened.keySet().removeAll(carolsSessions.keySet());
        assertThat(opened.values()).as("Carol's new session was revoked").containsExactly("REVOKED");
    }

    /** Opens the link as a person would and presses the button; ends on RingCentral's consent page. */
    private void openLinkAndClickConnect(String connectUrl) {
        driver.get(publicUrl + connectUrl);
        assertThat(navigationStatus()).isEqualTo(200);
        assertThat(driver.getTitle()).isEqualTo("Connect RingCentral");
        WebElement button = driver.findElement(By.id("submit"));
        assertThat(button.getText()).isEqualTo("Connect RingCentral");
        button.click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("consent-form")));
        assertThat(driver.getCurrentUrl()).startsWith(world.ringCentral().simulator().baseUri() + "/restapi/oauth/authorize?")
                .contains("client_id=" + SimulatedRingCentral.CLIENT_ID);
    }

    /** On RingCentral's consent page: signs in as the user and approves or denies; ends on the gateway's page. */
    private void signInAtRingCentral(String account, long extensionId, String decision) {
        new Select(driver.findElement(By.id("user"))).selectByValue(account + ":" + extensionId);
        driver.findElement(By.id(decision)).click();
        waitFor().until(ExpectedConditions.urlContains(publicUrl + "/v1/rc/callback?"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The HTTP status of the page the browser shows (Navigation Timing). */
    private long navigationStatus() {
        Object status = ((JavascriptExecutor) driver)
                .executeScript("return performance.getEntriesByType('navigation')[0].responseStatus;");
        return ((Number) status).longValue();
    }
}
