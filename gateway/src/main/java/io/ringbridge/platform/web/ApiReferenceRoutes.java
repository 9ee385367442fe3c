package io.ringbridge.platform.web;

import io.swagger.v3.oas.models.OpenAPI;

/**
 * Routes a module serves outside Spring MVC (so the generated reference cannot see them) that belong in
 * {@code /openapi.json}. Applied before the reference is put in reading order, so they take their chapter's place.
 */
public interface ApiReferenceRoutes {

    void addTo(OpenAPI reference);
}
