package io.ringbridge.platform.web;

/** Content security policies for what the gateway serves: nothing at all for JSON, a narrow one per HTML page. */
public final class PagePolicy {

    static final String JSON = "default-src 'none'; frame-ancestors 'none'";

    private PagePolicy() {
    }

    /**
     * For a server-rendered page with inline styles only, whose forms may post to {@code formTargets} besides
     * its own origin (a form POST answered by a redirect is checked against form-action too, so the redirect's
     * destination belongs here).
     */
    public static String forPage(String... formTargets) {
        String formAction = formTargets.length == 0 ? "'none'" : "'self' " + String.join(" ", formTargets);
        return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
    }
}
