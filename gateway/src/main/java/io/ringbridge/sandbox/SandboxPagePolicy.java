package io.ringbridge.sandbox;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ringbridge.platform.config.PublicUrl;
import io.ringbridge.platform.web.PagePolicy;

/**
 * The simulated RingCentral pages (the consent form) need inline styles and a form that redirects back to the
 * gateway's callback; everything else stays forbidden.
 */
class SandboxPagePolicy extends OncePerRequestFilter {

    private final PublicUrl publicUrl;

    SandboxPagePolicy(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        URI base = URI.create(publicUrl.base());
        response.setHeader("Content-Security-Policy", PagePolicy.forPage(base.getScheme() + "://" + base.getRawAuthority()));
        chain.doFilter(request, response);
    }
}
