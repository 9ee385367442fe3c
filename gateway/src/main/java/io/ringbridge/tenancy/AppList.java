package io.ringbridge.tenancy;

import java.util.List;

/** The answer of {@code GET /v1/apps}. */
record AppList(List<App> apps) {
}
