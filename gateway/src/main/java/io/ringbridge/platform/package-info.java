/**
 * Shared infrastructure every module builds on, and which depends on no module of its own: settings and startup
 * checks ({@code config}), sealing secrets at rest ({@code crypto}), the database and its group commits
 * ({@code db}), identifier formats ({@code ids}), sliding-window rate limits ({@code limits}) and the HTTP
 * conventions of every response ({@code web}). Each of those sub-packages is a named interface other modules may
 * use; {@code health} (the {@code GET /health} endpoint) and {@code scheduling} (cluster-wide recurring jobs, which
 * modules join by declaring {@code RecurringTask} beans) are used by nobody directly.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package io.ringbridge.platform;

import org.springframework.modulith.ApplicationModule;
