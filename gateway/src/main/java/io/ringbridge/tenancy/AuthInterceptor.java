package io.ringbridge.tenancy;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.ringbridge.platform.limits.RateDecision;
import io.ringbridge.platform.web.ApiException;

/**
 * Authenticates {@code /v1} routes, in the contract's order: a usable {@code Bearer} key (401), the key's request
 * budget and then its tenant's (429), the tenant's status (403), the route's role (403). It runs only for routes that
 * exist, so an unknown path is a plain 404 whatever the credentials.
 */
@Component
class AuthInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final ApiKeyLookup keys;
    private final AdminKey adminKey;
    private final RequestLimits limits;
    private final TenantQuotas quotas;
    private final ClientBlocks clientBlocks;
    private final Clock clock;
    private final MeterRegistry meters;

    AuthInterceptor(ApiKeyLookup keys, AdminKey adminKey, RequestLimits limits, TenantQuotas quotas,
                    ClientBlocks clientBlocks, Clock clock, MeterRegistry meters) {
        this.keys = keys;
        this.adminKey = adminKey;
        this.limits = limits;
        this.quotas = quotas;
        this.clientBlocks = clientBlocks;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || annotated(method, Unauthenticated.class)) {
            return true;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER) || !ApiKeys.wellFormed(header.substring(BEARER.length()).trim())) {
            throw failed(request, header != null, "missing_or_malformed",
                    new ApiException(HttpStatus.UNAUTHORIZED, "Missing or invalid API key", "missing_api_key"));
        }
        String keyHash = ApiKeys.hash(header.substring(BEARER.length()).trim());
        Caller caller;
        RateDecision budget;
        String limit;
        if (adminKey.matches(keyHash)) {
            caller = Caller.forAdmin();
            budget = limits.adminRequest();
            limit = "admin";
        } else {
            Optional<ApiKeyLookup.KeyOwner> owner = keys.find(keyHash);
            if (owner.isEmpty()) {
                throw failed(request, true, "unknown_key",
                        new ApiException(HttpStatus.UNAUTHORIZED, "Invalid API key", "invalid_api_key"));
            }
            caller = Caller.forApp(owner.get().tenantId(), owner.get().appId());
            TenantQuotas.Quotas quota = quotas.of(caller.tenantId());
            budget = limits.appRequest(caller.appId(), quota.appRequestsPerMinute());
            limit = "app";
            if (budget.allowed()) {
                // Only requests the key's own budget let through count against the tenant's.
                budget = budget.tighter(limits.tenantRequest(caller.tenantId(), quota.requestsPerMinute()));
                limit = budget.allowed() ? limit : "tenant";
            }
            if (budget.allowed()) {
                keys.touch(keyHash, owner.get(), clock.instant());
            }
            if (budget.allowed() && owner.get().tenantStatus() != TenantStatus.ACTIVE) {
                budget.headers().forEach(response::setHeader);
                throw ApiException.forbidden("Tenant suspended or inactive", "tenant_inactive");
            }
        }
        if (!budget.allowed()) {
            meters.counter("ringbridge.ratelimit.rejections", "limit", limit).increment();
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "rate_limited", budget.headers());
        }
        budget.headers().forEach(response::setHeader);
        if (!caller.isAdmin() && annotated(method, AdminOnly.class)) {
            throw ApiException.forbidden("Admin API key required", "admin_required");
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return true;
    }

    /**
     * Counts the failure towards the client's allowance. A request with no credentials at all is not an
     * attempt to guess one (a browser, a forgotten header) and is not counted.
     */
    private ApiException failed(HttpServletRequest request, boolean presentedCredentials, String reason,
                                ApiException error) {
        Counter.builder("ringbridge.auth.failures").tag("reason", reason).register(meters).increment();
        if (presentedCredentials) {
            clientBlocks.recordFailedAuthentication(request.getRemoteAddr());
        }
        return error;
    }

    private static boolean annotated(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> type) {
        return method.hasMethodAnnotation(type) || method.getBeanType().isAnnotationPresent(type);
    }
}
