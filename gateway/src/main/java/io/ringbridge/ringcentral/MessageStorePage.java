package io.ringbridge.ringcentral;

import java.util.List;

/**
 * One page of the message store, with what RingCentral said about the extension's Light budget.
 *
 * @param more whether a page after this one holds further records
 */
public record MessageStorePage(List<SmsMessage> records, boolean more, RateLimitStatus rateLimit) {
}
