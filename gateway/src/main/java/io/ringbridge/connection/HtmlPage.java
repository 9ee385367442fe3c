package io.ringbridge.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import io.ringbridge.platform.web.PagePolicy;

/**
 * A small server-rendered page for people (tenant admins) rather than programs: a heading, what happened,
 * facts, and what to do next. Every value is HTML-escaped; the only style is inline, so the page's content
 * security policy can forbid everything else.
 */
final class HtmlPage {

    enum Tone { NEUTRAL, SUCCESS, ERROR }

    private final String title;
    private final Tone tone;
    private final List<String> body = new ArrayList<>();
    private String[] formTargets = {};

    private HtmlPage(String title, Tone tone) {
        this.title = title;
        this.tone = tone;
    }

    static HtmlPage of(String title, Tone tone) {
        return new HtmlPage(title, tone);
    }

    HtmlPage paragraph(String text) {
        body.add("<p>" + escape(text) + "</p>");
        return this;
    }

    HtmlPage facts(Map<String, String> facts) {
        StringBuilder html = new StringBuilder("<dl>");
        facts.forEach((label, value) -> html.append("<dt>").append(escape(label)).append("</dt><dd id=\"")
                .append(id(label)).append("\">").append(escape(value)).append("</dd>"));
        body.add(html.append("</dl>").toString());
        return this;
    }

    HtmlPage list(String heading, String id, List<String> items) {
        StringBuilder html = new StringBuilder("<h2>").append(escape(heading)).append("</h2><ul id=\"").append(id).append("\">");
        items.forEach(item -> html.append("<li>").append(escape(item)).append("</li>"));
        body.add(html.append("</ul>").toString());
        return this;
    }

    HtmlPage warnings(List<String> warnings) {
        if (!warnings.isEmpty()) {
            StringBuilder html = new StringBuilder("<div class=\"warning\" id=\"warnings\"><strong>Please check:</strong><ul>");
            warnings.forEach(w -> html.append("<li>").append(escape(w)).append("</li>"));
            body.add(html.append("</ul></div>").toString());
        }
        return this;
    }

    HtmlPage nextSteps(List<String> steps) {
        StringBuilder html = new StringBuilder("<h2>What to do</h2><ol id=\"next-steps\">");
        steps.forEach(step -> html.append("<li>").append(escape(step)).append("</li>"));
        body.add(html.append("</ol>").toString());
        return this;
    }

    /** A form that POSTs one hidden field; {@code redirectTargets} are origins the answer may redirect to. */
    HtmlPage form(String action, String field, String value, String button, String... redirectTargets) {
        body.add("<form method=\"post\" action=\"" + escape(action) + "\"><input type=\"hidden\" name=\"" + escape(field)
                + "\" value=\"" + escape(value) + "\"><button type=\"submit\" id=\"submit\">" + escape(button)
                + "</button></form>");
        this.formTargets = redirectTargets;
        return this;
    }

    ResponseEntity<String> respond(HttpStatus status, boolean sandbox) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PagePolicy.forPage(formTargets))
                .header("Cache-Control", "no-store")
                .body(render(sandbox));
    }

    String render(boolean sandbox) {
        String banner = sandbox ? "<div class=\"sandbox\" id=\"sandbox\">SANDBOX: RingCentral is simulated by this gateway; "
                + "no real messages are sent.</div>" : "";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>
                body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;background:#f4f5f7;color:#1d2330;margin:0}
                main{max-width:36rem;margin:3rem auto;background:#fff;border-radius:12px;padding:2rem 2.25rem;
                box-shadow:0 1px 3px rgba(0,0,0,.12)}
                h1{font-size:1.4rem;margin:0 0 1rem;padding-left:.75rem;border-left:6px solid %s}
                h2{font-size:1rem;margin:1.5rem 0 .5rem}
                dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem}dt{color:#5b6475}dd{margin:0;font-weight:600}
                button{background:#0073ae;color:#fff;border:0;border-radius:8px;padding:.75rem 1.5rem;font-size:1rem;cursor:pointer}
                .warning{background:#fff7e0;border:1px solid #f0c36d;border-radius:8px;padding:.75rem 1rem;margin-top:1rem}
                .sandbox{background:#6b4fbb;color:#fff;text-align:center;padding:.5rem;font-weight:700;letter-spacing:.02em}
                </style></head>
                <body>%s<main><h1 id="title">%s</h1>
                %s
                </main></body></html>
                """.formatted(escape(title), color(), banner, escape(title), String.join("\n", body));
    }

    private String color() {
        return switch (tone) {
            case SUCCESS -> "#1f9d55";
            case ERROR -> "#c53030";
            case NEUTRAL -> "#0073ae";
        };
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static String id(String label) {
        return label.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
