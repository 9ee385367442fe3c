package io.ringbridge.ringcentral;

/** RingCentral accepted an SMS; the answer's rate-limit headers let the caller keep pace. */
public record SmsAccepted(SmsMessage message, RateLimitStatus rateLimit, String requestId) {
}
