package io.ringbridge.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ringbridge.platform.config.RingBridgeProperties;

/**
 * The security headers on every response. JSON gets the strictest content security policy;
 * an HTML page that needs more sets its own narrow policy through {@link PagePolicy}, which replaces this one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeadersFilter extends OncePerRequestFilter {

    /** The API reference needs its own scripts and styles, nothing from elsewhere. */
    private static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final boolean production;

    SecurityHeadersFilter(RingBridgeProperties properties) {
        this.production = properties.production();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean docs = path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/swagger-ui/");
        SecurityHeaders.apply(response, docs ? DOCS_POLICY : PagePolicy.JSON, production || request.isSecure());
        chain.doFilter(request, response);
    }
}
