package io.ringbridge.pacing;

import io.ringbridge.ringcentral.RateLimitGroup;

/** Whose window: one per extension and throttling group, as RingCentral counts them. */
record PacingKey(String tenantId, String extensionId, RateLimitGroup group) {

    /** How the shared store names the window. */
    String id() {
        return tenantId + ":" + extensionId + ":" + group.label();
    }
}
