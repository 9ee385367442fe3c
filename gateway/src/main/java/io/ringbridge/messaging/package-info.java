/**
 * SMS: accepting a message ({@code POST /v1/sms}, durable once answered 202), the send queue that every instance
 * works through, delivery receipts, and the history apps read ({@code GET /v1/sms/status/:id},
 * {@code GET /v1/sms/messages}).
 *
 * <p>The {@code message} table is both the history ({@code MessageHistory}) and the queue ({@code SendQueue}).
 * Workers claim a sender's due messages with {@code FOR UPDATE SKIP LOCKED} under a lease, and every later write is
 * fenced by the claim's token, so a worker that lost its lease cannot undo what the one that took over recorded.
 * A message is sent to RingCentral at most once: an attempt whose answer was lost stays {@code sending} until
 * RingCentral's message store says whether it arrived ({@code InDoubtLookup}). Every status change is written in one
 * transaction with its {@code sms_status} event. A message's status ends at {@code sent} or {@code failed}; delivery
 * receipts ({@code ReceiptSync}) settle its separate delivery status instead, each with an {@code sms_delivery} event.
 *
 * <p>Before a message is stored, its destination is classified with libphonenumber ({@code Destination}) and checked
 * against the refused kinds of numbers and the tenant's countries ({@code DestinationPolicy}).
 */
package io.ringbridge.messaging;
