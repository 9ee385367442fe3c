package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.ringbridge.platform.config.Mode;
import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.platform.web.ApiException;

class WebhookUrlsTest {

    private final WebhookUrls development = new WebhookUrls(in(Mode.DEVELOPMENT));
    private final WebhookUrls production = new WebhookUrls(in(Mode.PRODUCTION));

    @Test
    void noUrlIsNoWebhook() {
        assertThat(production.validate(null)).isNull();
    }

    @Test
    void httpsUrlIsStoredAsGiven() {
        String url = "https://hooks.example.com:8443/sms/inbound?app=42";

        assertThat(production.validate(url)).isEqualTo(url);
        assertThat(development.validate(url)).isEqualTo(url);
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(production.validate("HTTPS://hooks.example.com/sms")).isEqualTo("HTTPS://hooks.example.com/sms");
    }

    @Test
    void plainHttpOnlyOutsideProduction() {
        String local = "http://localhost:3000/hook";

        assertThat(development.validate(local)).isEqualTo(local);
        assertRefused(production, local);
    }

    @Test
    void atMost2000Characters() {
        String prefix = "https://hooks.example.com/";
        String longest = prefix + "p".repeat(2000 - prefix.length());

        assertThat(production.validate(longest)).isEqualTo(longest);
        assertRefused(production, longest + "p");
    }

    @Test
    void onlyAbsoluteWebAddressesWithAHost() {
        for (String url : new String[] {"", "   ", "/relative/hook", "hooks.example.com/sms", "ftp://files.example.com/",
                "javascript:alert(1)", "mailto:ops@example.com", "https:///no-host", "https://exa mple.com/"}) {
            assertRefused(development, url);
        }
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertRefused(development, "https://user:secret@hooks.example.com/sms");
        assertRefused(development, "https://token@hooks.example.com/sms");
    }

    private static void assertRefused(WebhookUrls urls, String url) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> urls.validate(url));

        assertThat(e).as("refused: %s", url).isNotNull();
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.error()).isEqualTo("Invalid webhookUrl: must be https:// in production, max 2000 chars");
        assertThat(e.code()).isEqualTo("invalid_webhook_url");
    }

    private static RingBridgeProperties in(Mode mode) {
        return new RingBridgeProperties(mode, null, null, null, null, null, null, null);
    }
}
