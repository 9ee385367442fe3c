package io.ringbridge.platform.web;

import jakarta.servlet.http.HttpServletResponse;

/** Content security policies for what the gateway serves: none for JSON, a narrow one per HTML page. */
public final class PagePolicy {

    static final String JSON = "default-src 'none'; frame-ancestors 'none'";

    private PagePolicy() {
    }

    /**
     * For a server-rendered page with inline styles only and forms that may post to {@code formTargets}
     * (a form POST followed by a redirect is checked against form-action, so the redirect's origin belongs here).
     */
    public static void applyPage(HttpServletResponse response, String... formTargets) {
        String formAction = formTargets.length == 0 ? "'none'" : "'self' " + String.join(" ", formTargets);
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                + "form-action " + formAction + "; frame-ancestors 'none'; base-uri 'none'");
    }
}
