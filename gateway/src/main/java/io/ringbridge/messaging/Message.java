package io.ringbridge.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A message as {@code GET /v1/sms/status/:id} and the history show it (then the [ext] fields). */
@JsonPropertyOrder({"messageId", "status", "rcMessageId", "error", "to", "from", "body", "createdAt", "updatedAt",
        "direction", "appId", "userId", "tenantId", "segments", "sentAt", "deliveryStatus", "deliveredAt"})
record Message(@JsonProperty("messageId") String id, MessageStatus status, String rcMessageId, String error, String to,
               String from, String body, Instant createdAt, Instant updatedAt, String direction, String appId,
               String userId, String tenantId, int segments, Instant sentAt, DeliveryStatus deliveryStatus,
               Instant deliveredAt) {
}
