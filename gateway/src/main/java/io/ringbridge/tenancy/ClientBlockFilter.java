package io.ringbridge.tenancy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ringbridge.platform.web.ErrorWriter;

/**
 * A blocked client gets 429 on every request, even with a valid key. Actuator probes are
 * exempt: they come from the orchestrator, and failing them would restart a healthy instance.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class ClientBlockFilter extends OncePerRequestFilter {

    private final ClientBlocks blocks;
    private final ErrorWriter errors;
    private final MeterRegistry meters;

    ClientBlockFilter(ClientBlocks blocks, ErrorWriter errors, MeterRegistry meters) {
        this.blocks = blocks;
        this.errors = errors;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> blocked = blocks.blockedFor(request.getRemoteAddr());
        if (blocked.isPresent()) {
            meters.counter("ringbridge.ratelimit.rejections", "limit", "client_block").increment();
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "client_blocked",
                    Map.of("Retry-After", Long.toString(seconds)));
            return;
        }
        chain.doFilter(request, response);
    }
}
