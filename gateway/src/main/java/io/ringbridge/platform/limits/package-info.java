/**
 * Sliding-window rate limits counted per key ({@code RateLimiters}, {@code RateLimit}, {@code RateDecision}): in
 * memory on H2's single instance, in PostgreSQL when instances share the budget.
 */
@NamedInterface("limits")
package io.ringbridge.platform.limits;

import org.springframework.modulith.NamedInterface;
