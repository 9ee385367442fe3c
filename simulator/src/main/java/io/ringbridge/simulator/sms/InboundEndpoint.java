package io.ringbridge.simulator.sms;

import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.http.ApiException;
import io.ringbridge.simulator.http.Exchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST {base}/inbound} {@code {"from","to","text"}}: a text arrives from the outside world at the
 * number {@code to}. It is stored in the owning extension's message store and pushed to every matching
 * subscription. Not a RingCentral API: the simulator's own control endpoint (202 / 400 / 404).
 */
public final class InboundEndpoint {
    private final DirectoryStore directory;
    private final MessageStore store;
    private final DeliverySimulator delivery;

    public InboundEndpoint(DirectoryStore directory, MessageStore store, DeliverySimulator delivery) {
        this.directory = directory;
        this.store = store;
        this.delivery = delivery;
    }

    public void receive(Exchange exchange) {
        JsonNode body;
        try {
            body = exchange.jsonBody();
        } catch (ApiException e) {
            throw error(400, "invalid_json", "The body must be JSON {\"from\",\"to\",\"text\"}");
        }
        if (body == null || !body.isObject()) {
            throw error(400, "invalid_json", "The body must be JSON {\"from\",\"to\",\"text\"}");
        }
        String from = text(body, "from");
        String to = text(body, "to");
        String text = text(body, "text");
        if (!PhoneNumbers.isE164(from)) {
            throw error(400, "invalid_from", "from must be an E.164 phone number");
        }
        if (!PhoneNumbers.isE164(to)) {
            throw error(400, "invalid_to", "to must be an E.164 phone number");
        }
        if (text == null || text.isEmpty()) {
            throw error(400, "invalid_text", "text must not be empty");
        }
        DirectoryStore.Owned owner = directory.owner(to)
                .orElseThrow(() -> error(404, "unknown_number", "No extension owns " + to));
        StoredMessage message = receive(owner, from, to, text, exchange.baseUrl());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", Long.toString(message.id));
        answer.put("extensionId", Long.toString(owner.extension().id()));
        answer.put("uri", MessageJson.messageUri(exchange.baseUrl(), message));
        exchange.json(202, answer);
    }

    /** Stores an inbound message and notifies; also used by the Java admin facade. */
    public StoredMessage receive(DirectoryStore.Owned owner, String from, String to, String text, String baseUrl) {
        StoredMessage message = store.add(owner.account().id(), owner.extension().id(), owner.extension().name(),
                "Inbound", from, List.of(to), text, baseUrl, "Received");
        delivery.listener().created(message);
        return message;
    }

    private static String text(JsonNode body, String name) {
        JsonNode node = body.get(name);
        return node == null || !node.isString() ? null : node.asString();
    }

    private static ApiException error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return new ApiException(status, body);
    }
}
