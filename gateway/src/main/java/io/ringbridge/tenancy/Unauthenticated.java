package io.ringbridge.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code /v1} route reached without an API key: by browsers (connect pages, OAuth callback) or by
 * RingCentral (its webhook). Such a route authenticates its callers by other means.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Unauthenticated {
}
