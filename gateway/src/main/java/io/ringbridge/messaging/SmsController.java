package io.ringbridge.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.ids.IdKind;
import io.ringbridge.platform.web.ApiException;
import io.ringbridge.tenancy.Caller;

/** The SMS routes: send, status, history (docs/API.md, "SMS"). */
@RestController
@RequestMapping("/v1/sms")
@Tag(name = "SMS")
class SmsController {

    private final SmsSubmission submission;
    private final MessageHistory history;
    private final SendWorker worker;

    SmsController(SmsSubmission submission, MessageHistory history, SendWorker worker) {
        this.submission = submission;
        this.history = history;
        this.worker = worker;
    }

    @PostMapping("/send")
    @Operation(summary = "Queue an SMS; 202 once it is stored (RingCentral problems show later as status failed)")
    ResponseEntity<SmsRequests.Accepted> send(Caller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = SmsRequests.Send.class)))
            @RequestBody(required = false) JsonNode request,
            @Parameter(description = "[ext] Replays the first answer for 24 h; a different body is 422")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (caller.isAdmin()) {
            throw ApiException.forbidden("App API key required", "app_key_required");
        }
        // Read as a tree so every field gets its own error, in the contract's order, whatever JSON type it has.
        SmsSubmission.Outcome outcome = submission.submit(caller.tenantId(), caller.appId(),
                SendValidation.read(request), idempotencyKey);
        if (!outcome.replayed()) {
            worker.wake(outcome.sender());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED);
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(outcome.accepted());
    }

    @GetMapping("/status/{messageId}")
    @Operation(summary = "The status of a message (any message of the caller's tenant)")
    Message status(Caller caller, @PathVariable String messageId,
                   @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        if (!IdKind.MESSAGE.matches(messageId)) {
            throw ApiException.invalid("messageId", "Invalid messageId format", "invalid_message_id");
        }
        return history.find(caller.tenantFor(tenantId), messageId)
                .orElseThrow(() -> ApiException.notFound("Message not found", "message_not_found"));
    }

    @GetMapping("/messages")
    @Operation(summary = "[ext] History, newest first, inbound and outbound, with cursor pagination")
    MessagePage history(Caller caller,
                                @RequestParam(required = false) String direction,
                                @RequestParam(required = false) String status,
                                @Parameter(description = "[ext] pending, delivered or undelivered")
                                @RequestParam(required = false) String deliveryStatus,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String userId,
                                @RequestParam(required = false) String since,
                                @RequestParam(required = false) String until,
                                @RequestParam(required = false) String limit,
                                @RequestParam(required = false) String cursor,
                                @Parameter(hidden = true) @RequestParam(required = false) String tenantId) {
        if (direction != null && !direction.equals("outbound") && !direction.equals("inbound")) {
            throw ApiException.invalid("direction", "direction must be outbound or inbound", "invalid_direction");
        }
        MessageStatus wanted = null;
        if (status != null) {
            wanted = MessageStatus.parse(status);
            if (wanted == null) {
                throw ApiException.invalid("status", "status must be one of queued, sending, sent, failed, received",
                        "invalid_status");
            }
        }
        DeliveryStatus wantedDelivery = null;
        if (deliveryStatus != null) {
            wantedDelivery = DeliveryStatus.parse(deliveryStatus);
            if (wantedDelivery == null) {
                throw ApiException.invalid("deliveryStatus", "deliveryStatus must be one of pending, delivered, undelivered",
                        "invalid_delivery_status");
            }
        }
        int size = pageSize(limit);
        HistoryQuery.Cursor after = null;
        if (cursor != null) {
            after = HistoryQuery.Cursor.decode(cursor);
            if (after == null) {
                throw ApiException.invalid("cursor", "Invalid cursor", "invalid_cursor");
            }
        }
        text("from", from);
        text("to", to);
        text("userId", userId);
        HistoryQuery query = new HistoryQuery(direction, wanted, wantedDelivery, from, to, userId, instant("since", since),
                instant("until", until), after);
        List<Message> page = history.page(caller.tenantFor(tenantId), query, size + 1);
        boolean more = page.size() > size;
        List<Message> shown = more ? page.subList(0, size) : page;
        return new MessagePage(shown,
                more ? new HistoryQuery.Cursor(shown.getLast().createdAt(), shown.getLast().id()).encode() : null);
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return 50;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= 200) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // same error below
        }
        throw ApiException.invalid("limit", "limit must be between 1 and 200", "invalid_limit");
    }

    /** A filter value the database can compare: PostgreSQL refuses text with U+0000 outright. */
    private static void text(String name, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw ApiException.invalid(name, "Invalid value for " + name, "invalid_parameter");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant time = Instant.parse(value);
            if (HistoryQuery.inRange(time)) {
                return time;
            }
        } catch (DateTimeParseException e) {
            // same error below
        }
        throw ApiException.invalid(name, name + " must be an ISO-8601 timestamp like 2026-03-01T10:00:00.000Z",
                "invalid_" + name);
    }
}
