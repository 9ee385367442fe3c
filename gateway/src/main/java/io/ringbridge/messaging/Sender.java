package io.ringbridge.messaging;

/** A queue of its own: a tenant's messages from one number, paced by the extension that owns the number. */
record Sender(String tenantId, String fromNumber) {
}
