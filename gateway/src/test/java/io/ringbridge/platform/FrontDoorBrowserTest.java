package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Browser;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.TestGateway;

/**
 * The front door in a real headless Chromium: a person who opens the gateway's address sees what it is, that it is a
 * sandbox, and links that work under the page's content security policy. Leaves screenshots in
 * {@code target/screenshots/}: {@code front-door.png}, and {@code docs.png} of the reference it links to.
 */
@SharedGateways
@EveryDatabase
class FrontDoorBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "front-door.png");

    @Parameter
    Database database;

    @Test
    void openingTheAddressShowsThePageAndItsLinksWork() throws IOException {
        Assumptions.assumeTrue(Browser.available(),
                "No Chromium/chromedriver at " + Browser.CHROMIUM + " / " + Browser.CHROMEDRIVER + " (CI installs them)");
        TestGateway gateway = Gateways.shared(database);
        String publicUrl = "http://localhost:" + gateway.baseUri().getPort();
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            driver.manage().window().setSize(new Dimension(1100, 1250));

            driver.get(publicUrl + "/");

            assertThat(driver.getTitle()).isEqualTo("RingBridge SMS gateway");
            assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("RingBridge SMS gateway");
            assertThat(driver.findElement(By.id("sandbox")).getText()).startsWith("SANDBOX");
            assertThat(driver.findElement(By.id("api")).getText()).isEqualTo(publicUrl + "/v1");
            assertThat(driver.findElement(By.id("quickstart")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("docs")).getAttribute("href")).isEqualTo(publicUrl + "/docs");
            Files.createDirectories(SCREENSHOT.getParent());
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOT, png);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(20_000);

            driver.findElement(By.id("health")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(publicUrl + "/health"));
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("\"status\":\"ok\"");

            driver.navigate().back();
            driver.findElement(By.id("docs")).click();
            // The reference renders in the browser from /openapi.json: its first chapter is the app's SMS API.
            try {
                new WebDriverWait(driver, Duration.ofSeconds(60))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-tag")));
            } finally {
                Files.write(SCREENSHOT.resolveSibling("docs.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            }
            assertThat(driver.getCurrentUrl()).startsWith(publicUrl + "/swagger-ui/");
            assertThat(driver.findElements(By.cssSelector(".opblock-tag")).getFirst().getText()).startsWith("SMS");
        }
    }
}
