package io.ringbridge.messaging;

/**
 * RingCentral accepted segment {@code lastSeq} of a claimed message as {@code rcMessageId}; for the message's last
 * segment, {@code firstRcMessageId} is the id the message is known by (its first segment's).
 */
record SentMessage(Claimed message, int lastSeq, String rcMessageId, String firstRcMessageId) {
}
