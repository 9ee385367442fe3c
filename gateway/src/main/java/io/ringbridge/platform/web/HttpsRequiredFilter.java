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
 * In production the gateway sits behind a TLS-terminating proxy; a request the proxy received over plain
 * http ({@code X-Forwarded-Proto: http}) is refused so that keys never travel in clear.
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
        return !production;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto != null && proto.split(",")[0].trim().equalsIgnoreCase("http")) {
            errors.write(request, response, HttpStatus.FORBIDDEN, "HTTPS required", "https_required", Map.of());
            return;
        }
        chain.doFilter(request, response);
    }
}
