package io.ringbridge.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ringbridge.platform.config.RingBridgeProperties;

/**
 * Everything after this filter sees the client's address and scheme: the connection's own, or what a proxy the
 * operator trusts says in {@code X-Forwarded-For} and {@code X-Forwarded-Proto}. Tomcat's and Spring's forwarded-header
 * support is off ({@code server.forward-headers-strategy: none}): they trust every private address by default, so
 * any client on the network could choose whose address a failed login counts against.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ForwardedRequestFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;

    ForwardedRequestFilter(RingBridgeProperties properties) {
        this.proxies = TrustedProxies.of(properties.trustedProxies());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return proxies.isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (!proxies.trusts(peer)) {
            chain.doFilter(request, response);
            return;
        }
        String client = proxies.client(peer, values(request, "X-Forwarded-For"));
        List<String> protos = values(request, "X-Forwarded-Proto");
        // The nearest proxy's word counts: a client can put anything further left.
        String proto = protos.isEmpty() ? "" : protos.getLast().toLowerCase(Locale.ROOT);
        boolean forwardedScheme = proto.equals("https") || proto.equals("http");
        String scheme = forwardedScheme ? proto : request.getScheme();
        int port = forwardedScheme ? (proto.equals("https") ? 443 : 80) : request.getServerPort();
        chain.doFilter(new ForwardedRequest(request, client, scheme, port), response);
    }

    /** Every comma-separated entry of every occurrence of the header, left to right. */
    private static List<String> values(HttpServletRequest request, String header) {
        List<String> entries = new ArrayList<>();
        for (String value : Collections.list(request.getHeaders(header))) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }

    private static final class ForwardedRequest extends HttpServletRequestWrapper {

        private final String client;
        private final String scheme;
        private final int port;

        ForwardedRequest(HttpServletRequest request, String client, String scheme, int port) {
            super(request);
            this.client = client;
            this.scheme = scheme;
            this.port = port;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme.equals("https");
        }

        @Override
        public int getServerPort() {
            return port;
        }
    }
}
