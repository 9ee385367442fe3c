/**
 * What every HTTP response shares: the error body ({@code ApiException}, {@code ApiError}, {@code ErrorWriter}),
 * also for requests refused before routing (malformed input, Tomcat's own refusals), request ids, security headers
 * and content security policies ({@code PagePolicy}), the client's address and scheme behind trusted proxies, the
 * payload limit, the OpenAPI document's metadata and order, and the front door ({@code GET /} for browsers;
 * {@code FrontPageFacts} is what a module that knows the RingCentral behind the gateway tells it).
 */
@NamedInterface("web")
package io.ringbridge.platform.web;

import org.springframework.modulith.NamedInterface;
