package io.ringbridge.messaging;

import java.util.List;

/**
 * A page of {@code GET /v1/sms/messages}, newest first.
 *
 * @param nextCursor where the next page starts, or {@code null} on the last page
 */
record MessagePage(List<Message> messages, String nextCursor) {
}
