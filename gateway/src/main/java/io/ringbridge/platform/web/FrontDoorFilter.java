package io.ringbridge.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ringbridge.platform.config.PublicUrl;

/**
 * The front door: a person who opens the gateway's address ({@code /} or {@code /v1}) in a browser gets a page that
 * says what this is and where to go; a program (no {@code text/html} in its {@code Accept}) gets the JSON 404 of any
 * unknown route. A filter rather than a controller, because {@code /v1} is an API route that needs a key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class FrontDoorFilter extends OncePerRequestFilter {

    private static final List<MediaType> PAGES = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

    private final PublicUrl publicUrl;
    private final ObjectProvider<FrontPageFacts> facts;

    FrontDoorFilter(PublicUrl publicUrl, ObjectProvider<FrontPageFacts> facts) {
        this.publicUrl = publicUrl;
        this.facts = facts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        String method = request.getMethod();
        return !(path.equals("/") || path.equals("/v1")) || !(method.equals("GET") || method.equals("HEAD"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!wantsPage(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] page = FrontPage.render(publicUrl.base(), facts.getIfAvailable()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", PagePolicy.forPage());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** Browsers name {@code text/html} explicitly; API clients send JSON, {@code *}{@code /*} or nothing. */
    static boolean wantsPage(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && PAGES.stream().anyMatch(type::equalsTypeAndSubtype));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
