package io.ringbridge.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any route sees them, requests that are malformed in ways the framework would otherwise answer
 * with a 500 and a stack trace: a wildcard or unparsable {@code Content-Type}, a query string (or form body) whose
 * percent escapes are not UTF-8, and a single header field too large to ever be echoed back. One WARN line each,
 * naming the method, path and reason, never the offending value (a query can carry a connect token).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 35) // after the payload limit: a form body is parsed here
class MalformedRequestFilter extends OncePerRequestFilter {

    /** No header the gateway reads comes near this; the whole header block may be 8 KB (Tomcat's limit). */
    static final int HEADER_FIELD_LIMIT = 4096;

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

    private final ErrorWriter errors;

    MalformedRequestFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiException> refusal = oversizedHeader(request).or(() -> badContentType(request))
                .or(() -> badParameters(request));
        if (refusal.isPresent()) {
            log.warn("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), refusal.get().code());
            errors.write(request, response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Cookies are exempt: the gateway never reads them, and a browser may hold large ones for the host. */
    private static Optional<ApiException> oversizedHeader(HttpServletRequest request) {
        for (String name : Collections.list(request.getHeaderNames())) {
            if (name.equalsIgnoreCase("Cookie")) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                if (value.length() > HEADER_FIELD_LIMIT) {
                    return Optional.of(new ApiException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "Request header too large", "header_too_large", Map.of("Connection", "close")));
                }
            }
        }
        return Optional.empty();
    }

    /** A body is one concrete type: {@code *}{@code /*} or {@code application/*} describes nothing. */
    private static Optional<ApiException> badContentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return Optional.empty();
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.isWildcardType() && !type.isWildcardSubtype()) {
                return Optional.empty();
            }
        } catch (InvalidMediaTypeException unparsable) {
            // refused below like a wildcard
        }
        return Optional.of(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json",
                "unsupported_media_type"));
    }

    /**
     * Tomcat parses parameters lazily and throws from wherever they are first read; here that is on purpose. A form
     * body is read too, within Tomcat's form limit ({@code server.tomcat.max-http-form-post-size}); multipart bodies
     * are never parsed ({@code spring.servlet.multipart.enabled: false}).
     */
    private static Optional<ApiException> badParameters(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return Optional.empty();
        } catch (InvalidParameterException e) {
            if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return Optional.of(new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Payload too large",
                        "payload_too_large"));
            }
            return Optional.of(ApiException.badRequest(
                    "Invalid percent-encoding in the query string or form (must be UTF-8)", "invalid_encoding"));
        }
    }
}
