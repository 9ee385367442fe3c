package io.ringbridge.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ringbridge.platform.config.RingBridgeProperties;

/**
 * In production keys must never travel in clear: a request is served only when it arrived over https, on this
 * connection or at a trusted proxy that says so ({@link ForwardedRequestFilter}). The orchestrator's probes and the
 * metrics scrape under {@code /actuator/} carry no credentials and usually reach the instance directly over http.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class HttpsRequiredFilter extends OncePerRequestFilter {

    private final boolean production;
    private final ErrorWriter errors;

    HttpsRequiredFilter(RingBridgeProperties properties, ErrorWriter errors) {
        this.production = properties.production();
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !production || request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.isSecure()) {
            errors.write(request, response, HttpStatus.FORBIDDEN, "HTTPS required", "https_required", Map.of());
            return;
        }
        chain.doFilter(request, response);
    }
}
