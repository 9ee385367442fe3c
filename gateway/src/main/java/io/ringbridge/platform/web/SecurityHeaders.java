package io.ringbridge.platform.web;

import jakarta.servlet.http.HttpServletResponse;

/** The security headers every answer carries, whether Spring or Tomcat itself writes it. */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /**
     * {@code hsts}: whether to send {@code Strict-Transport-Security}. Only over https or in production: on a
     * plain-http {@code localhost} a browser would ignore it, and it has no business in local development.
     */
    static void apply(HttpServletResponse response, String contentSecurityPolicy, boolean hsts) {
        if (hsts) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // The legacy XSS auditor is off on purpose: it could be abused to blank out parts of a page.
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    }
}
