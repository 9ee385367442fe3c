package io.ringbridge.messaging;

import java.time.Instant;

/**
 * A message a worker holds ({@code sending}) under a lease fenced by {@code claimToken}: only the holder's writes
 * count. {@code segmentsSent} of its {@code segments} already reached RingCentral.
 */
record Claimed(String id, String tenantId, String appId, String from, String to, String body, int segments,
               int segmentsSent, int attempts, String extensionId, String claimToken, Instant attemptedAt,
               Instant leaseUntil) {

    /** The same claim, with {@code segmentsSent} segments already at RingCentral. */
    Claimed withSegmentsSent(int segmentsSent) {
        return new Claimed(id, tenantId, appId, from, to, body, segments, segmentsSent, attempts, extensionId, claimToken,
                attemptedAt, leaseUntil);
    }

    Sender sender() {
        return new Sender(tenantId, from);
    }
}
