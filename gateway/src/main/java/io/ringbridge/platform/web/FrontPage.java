package io.ringbridge.platform.web;

import org.springframework.web.util.HtmlUtils;

/** The HTML of the front door: what this is, which RingCentral it talks to, where the reference and quickstart are. */
final class FrontPage {

    private FrontPage() {
    }

    /** @param facts {@code null} when no module says which RingCentral this is (the page then leaves that out) */
    static String render(String base, FrontPageFacts facts) {
        boolean sandbox = facts != null && facts.sandbox();
        String banner = sandbox ? "<div class=\"sandbox\" id=\"sandbox\">SANDBOX: RingCentral is simulated by this "
                + "gateway; no real messages are sent.</div>" : "";
        String ringCentral = facts == null ? "" : sandbox
                ? "<dt>RingCentral</dt><dd id=\"ringcentral\">Simulated at <a href=\"" + escape(facts.ringCentralServer() + "/")
                        + "\">" + escape(facts.ringCentralServer().toString()) + "</a>, with the demo users Alice Able and "
                        + "Bob Baker</dd>"
                : "<dt>RingCentral</dt><dd id=\"ringcentral\">" + escape(facts.ringCentralServer().toString()) + "</dd>";
        String key = "-H \"Authorization: Bearer $KEY\"";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>RingBridge SMS gateway</title>
                <style>
                body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;background:#f4f5f7;color:#1d2330;margin:0}
                main{max-width:46rem;margin:3rem auto;background:#fff;border-radius:12px;padding:2rem 2.25rem;
                box-shadow:0 1px 3px rgba(0,0,0,.12)}
                h1{font-size:1.5rem;margin:0 0 1rem;padding-left:.75rem;border-left:6px solid #0073ae}
                h2{font-size:1.05rem;margin:1.75rem 0 .5rem}
                dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem}dt{color:#5b6475}dd{margin:0;font-weight:600}
                a{color:#0073ae}ul.links{padding-left:1.2rem}ul.links li{margin:.3rem 0}
                pre{background:#1d2330;color:#e8ebf1;padding:.75rem 1rem;border-radius:8px;font-size:.85rem;white-space:pre-wrap;overflow-wrap:anywhere}
                ol li{margin:.5rem 0}
                .sandbox{background:#6b4fbb;color:#fff;text-align:center;padding:.5rem;font-weight:700;letter-spacing:.02em}
                </style></head>
                <body>%s<main><h1 id="title">RingBridge SMS gateway</h1>
                <p>This is a RingBridge gateway: apps send and receive SMS through RingCentral with its HTTP API, using an API
                key. There is nothing to sign in to here; a person only opens the links an app gives them, to connect a
                RingCentral account.</p>
                <dl><dt>API</dt><dd id="api">%s/v1</dd>%s</dl>
                <h2>Where to go</h2>
                <ul class="links" id="links">
                <li><a id="docs" href="/docs">API reference</a> (the same as <a href="/openapi.json">/openapi.json</a>, OpenAPI 3.1)</li>
                <li><a id="health" href="/health">Health</a>: <code>{"status":"ok"}</code> while the gateway and its database are up</li>
                <li><a id="quickstart-link" href="#quickstart">Quickstart</a>, below; the README's five-minute quickstart has the same steps with their answers</li>
                </ul>
                <h2 id="quickstart">Quickstart</h2>
                <ol>
                <li>Take the API key the gateway printed once, on its first start (or one the operator gave you):
                <pre>export KEY=sgw_…</pre></li>
                <li>Get a link to connect RingCentral and open its <code>url</code> in a browser:
                <pre>curl -s -X POST %s/v1/rc/connect-token %s</pre></li>
                <li>Send an SMS from a connected number, then follow it:
                <pre>curl -s -X POST %s/v1/sms/send %s -H 'Content-Type: application/json' \\
                     -d '{"from":"+16505550101","to":"+14155550100","body":"Hello"}'
                curl -s %s/v1/sms/status/msg_… %s</pre></li>
                </ol>
                </main></body></html>
                """.formatted(banner, escape(base), ringCentral, escape(base), escape(key), escape(base), escape(key),
                escape(base), escape(key));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
