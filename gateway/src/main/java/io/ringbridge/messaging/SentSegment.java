package io.ringbridge.messaging;

/**
 * RingCentral accepted segment {@code seq} of a claimed message as {@code rcMessageId}; when that is the message's
 * last segment, the message is {@code sent} and known by {@code firstRcMessageId} (its first segment's id).
 */
record SentSegment(Claimed message, int seq, String rcMessageId, String firstRcMessageId) {
}
