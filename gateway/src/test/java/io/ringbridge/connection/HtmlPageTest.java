package io.ringbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class HtmlPageTest {

    private static final String ATTACK = "<script>alert('x')</script>\"&";
    private static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;";

    @Test
    void everyValueIsEscaped() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Account " + ATTACK, ATTACK);
        String html = HtmlPage.of(ATTACK, HtmlPage.Tone.ERROR)
                .paragraph(ATTACK)
                .facts(facts)
                .list(ATTACK, "numbers", List.of(ATTACK))
                .warnings(List.of(ATTACK))
                .nextSteps(List.of(ATTACK))
                .form("/v1/rc/connect?t=" + ATTACK, ATTACK, ATTACK, ATTACK)
                .render(false);

        assertThat(html).doesNotContain("<script>").doesNotContain("alert('x')");
        assertThat(html).contains("<title>" + ESCAPED + "</title>", "<h1 id=\"title\">" + ESCAPED + "</h1>",
                "<p>" + ESCAPED + "</p>", "<dd id=\"account-script-alert-x-script-\">" + ESCAPED + "</dd>",
                "<li>" + ESCAPED + "</li>", "name=\"" + ESCAPED + "\" value=\"" + ESCAPED + "\"");
    }

    @Test
    void textBeyondAsciiIsKeptAsIs() {
        assertThat(HtmlPage.of("Verbunden – Grüße", HtmlPage.Tone.SUCCESS).render(false))
                .contains("<h1 id=\"title\">Verbunden – Grüße</h1>");
    }

    @Test
    void missingTextIsAnEmptyParagraph() {
        assertThat(HtmlPage.of("Title", HtmlPage.Tone.NEUTRAL).paragraph(null).render(false)).contains("<p></p>");
    }

    @Test
    void factsCanBeFoundByTheirLabel() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("RingCentral account", "111");
        facts.put("Phone numbers (SMS)", "+16505550101");

        String html = HtmlPage.of("Connected", HtmlPage.Tone.SUCCESS).facts(facts).render(false);

        assertThat(html).contains("<dt>RingCentral account</dt><dd id=\"ringcentral-account\">111</dd>",
                "<dt>Phone numbers (SMS)</dt><dd id=\"phone-numbers-sms-\">+16505550101</dd>");
    }

    @Test
    void toneColoursTheHeading() {
        assertThat(HtmlPage.of("t", HtmlPage.Tone.SUCCESS).render(false)).contains("border-left:6px solid #1f9d55");
        assertThat(HtmlPage.of("t", HtmlPage.Tone.ERROR).render(false)).contains("border-left:6px solid #c53030");
        assertThat(HtmlPage.of("t", HtmlPage.Tone.NEUTRAL).render(false)).contains("border-left:6px solid #0073ae");
    }

    @Test
    void noWarningsNoWarningBox() {
        assertThat(HtmlPage.of("t", HtmlPage.Tone.NEUTRAL).warnings(List.of()).render(false)).doesNotContain("id=\"warnings\"");
        assertThat(HtmlPage.of("t", HtmlPage.Tone.NEUTRAL).warnings(List.of("Check the number")).render(false))
                .contains("id=\"warnings\"", "<li>Check the number</li>");
    }

    @Test
    void nextStepsAreNumberedInOrder() {
        String html = HtmlPage.of("t", HtmlPage.Tone.ERROR).nextSteps(List.of("First", "Second")).render(false);

        assertThat(html).contains("<ol id=\"next-steps\"><li>First</li><li>Second</li></ol>");
    }

    @Test
    void sandboxPagesSaySo() {
        assertThat(HtmlPage.of("t", HtmlPage.Tone.NEUTRAL).render(true)).contains("id=\"sandbox\"", "no real messages are sent");
        assertThat(HtmlPage.of("t", HtmlPage.Tone.NEUTRAL).render(false)).doesNotContain("id=\"sandbox\"");
    }

    @Test
    void pageWithoutFormMayPostNowhere() {
        ResponseEntity<String> response = HtmlPage.of("t", HtmlPage.Tone.ERROR).respond(HttpStatus.BAD_GATEWAY, false);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/html;charset=UTF-8"));
        assertThat(response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'none'", "form-action 'none'", "frame-ancestors 'none'");
    }

    @Test
    void formMayPostToItselfAndRedirectToItsTargets() {
        ResponseEntity<String> response = HtmlPage.of("Connect", HtmlPage.Tone.NEUTRAL)
                .form("/v1/rc/authorize", "token", "abc", "Connect RingCentral", "https://platform.ringcentral.com")
                .respond(HttpStatus.OK, false);

        assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
                .contains("form-action 'self' https://platform.ringcentral.com;");
        assertThat(response.getBody()).contains("<form method=\"post\" action=\"/v1/rc/authorize\">"
                + "<input type=\"hidden\" name=\"token\" value=\"abc\"><button type=\"submit\" id=\"submit\">Connect RingCentral"
                + "</button></form>");
    }
}
