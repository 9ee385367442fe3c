/**
 * What every HTTP response shares: the error body ({@code ApiException}, {@code ApiError}, {@code ErrorWriter}),
 * request ids, security headers and content security policies ({@code PagePolicy}), the payload limit and the
 * OpenAPI document's metadata.
 */
@NamedInterface("web")
package io.ringbridge.platform.web;

import org.springframework.modulith.NamedInterface;
