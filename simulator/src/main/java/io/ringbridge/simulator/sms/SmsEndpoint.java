package io.ringbridge.simulator.sms;

import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.directory.PhoneNumber;
import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.RcErrors;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.oauth.ApiAccess;
import io.ringbridge.simulator.oauth.Caller;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST …/extension/{extensionId}/sms} with RingCentral's validation, and the message-store reads
 * {@code GET …/message-store/{messageId}} and {@code GET …/message-store}.
 */
public final class SmsEndpoint {
    /** RingCentral counts the limit in UTF-16 code units (an emoji outside the BMP counts 2). */
    static final int MAX_TEXT_UTF16_UNITS = 1000;

    private final ApiAccess access;
    private final DirectoryStore directory;
    private final MessageStore store;
    private final DeliverySimulator delivery;

    public SmsEndpoint(ApiAccess access, DirectoryStore directory, MessageStore store, DeliverySimulator delivery) {
        this.access = access;
        this.directory = directory;
        this.store = store;
        this.delivery = delivery;
    }

    public void send(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.MEDIUM, "SMS");
        ApiAccess.ownPath(exchange, caller);
        JsonNode body = exchange.jsonBody();
        if (body == null || !body.isObject()) {
            throw RcErrors.api(400, "CMN-103", "JSON can't be parsed.");
        }
        String from = phone(body.get("from"), "from");
        List<String> to = recipients(body.get("to"));
        JsonNode textNode = body.get("text");
        if (textNode == null || !textNode.isString() || textNode.asString().isEmpty()) {
            throw RcErrors.invalidParameter("text");
        }
        String text = textNode.asString();
        if (text.length() > MAX_TEXT_UTF16_UNITS) {
            throw RcErrors.api(400, "MSG-338", "Message size limit exceeded");
        }
        DirectoryStore.Owned owned = directory.owner(from).orElse(null);
        if (owned == null || owned.extension().id() != caller.extension().id()) {
            throw RcErrors.api(403, "MSG-304", "Phone number doesn't belong to extension");
        }
        PhoneNumber number = owned.number();
        if (!number.has("SmsSender") || !"Normal".equals(number.status())) {
            throw RcErrors.api(403, "MSG-242", "Sending SMS is not available from the number specified.");
        }
        if (from.startsWith("+1") && !number.has("InternationalSmsSender")) {
            for (String recipient : to) {
                if (!recipient.startsWith("+1")) {
                    throw RcErrors.api(403, "MSG-240",
                            "Specified recipient [" + recipient + "] isn't an US phone number");
                }
            }
        }
        // the directory's own String for the sender: one copy however many messages are stored
        StoredMessage message = store.add(caller.account().id(), caller.extension().id(), caller.extension().name(),
                "Outbound", number.phoneNumber(), to, text, exchange.baseUrl(), "Queued");
        delivery.start(message);
        delivery.listener().created(message);
        exchange.json(MessageJson.rest(exchange.baseUrl(), message, false));
    }

    public void getMessage(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.LIGHT, "ReadMessages");
        ApiAccess.ownPath(exchange, caller);
        StoredMessage message = null;
        try {
            message = store.find(Long.parseLong(exchange.pathParam("messageId")));
        } catch (NumberFormatException ignored) {
            // not an id: not found
        }
        if (message == null || message.extensionId != caller.extension().id()) {
            throw RcErrors.notFound("messageId");
        }
        exchange.json(MessageJson.rest(exchange.baseUrl(), message, true));
    }

    /** {@code GET …/message-store}: filters {@code direction}, {@code messageType}, {@code dateFrom}; paged. */
    public void listMessages(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.LIGHT, "ReadMessages");
        ApiAccess.ownPath(exchange, caller);
        String direction = exchange.query("direction");
        String type = exchange.query("messageType");
        long dateFrom = date(exchange.query("dateFrom"), System.currentTimeMillis() - 24 * 3_600_000L);
        long dateTo = date(exchange.query("dateTo"), Long.MAX_VALUE);
        String phoneNumber = exchange.query("phoneNumber");
        int page = positive(exchange, "page", 1);
        int perPage = positive(exchange, "perPage", 100);
        List<StoredMessage> matching = new ArrayList<>();
        for (StoredMessage m : store.of(caller.extension().id())) {
            if ((direction == null || direction.equals(m.direction)) && (type == null || type.equals("SMS"))
                    && m.createdAtMillis >= dateFrom && m.createdAtMillis <= dateTo
                    && (phoneNumber == null || phoneNumber.equals(m.from) || m.to.contains(phoneNumber))) {
                matching.add(m);
            }
        }
        String base = exchange.baseUrl();
        String listUri = base + "/restapi/v1.0/account/" + caller.accountIdText() + "/extension/"
                + caller.extensionIdText() + "/message-store";
        int total = matching.size();
        int from = Math.min(total, (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        List<Map<String, Object>> records = new ArrayList<>();
        for (StoredMessage m : matching.subList(from, to)) {
            records.add(MessageJson.rest(base, m, true));
        }
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("perPage", perPage);
        if (!records.isEmpty()) {
            paging.put("page", page);
            paging.put("pageStart", from);
            paging.put("pageEnd", to - 1);
        }
        paging.put("totalPages", (total + perPage - 1) / perPage);
        paging.put("totalElements", total);
        Map<String, Object> navigation = new LinkedHashMap<>();
        navigation.put("firstPage", Map.of("uri", listUri + "?page=1&perPage=" + perPage));
        if (to < total) {
            navigation.put("nextPage", Map.of("uri", listUri + "?page=" + (page + 1) + "&perPage=" + perPage));
        }
        if (page > 1) {
            navigation.put("previousPage", Map.of("uri", listUri + "?page=" + (page - 1) + "&perPage=" + perPage));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("uri", listUri + "?page=" + page + "&perPage=" + perPage);
        response.put("records", records);
        response.put("paging", paging);
        response.put("navigation", navigation);
        exchange.json(response);
    }

    private static String phone(JsonNode party, String name) {
        if (party == null || !party.isObject()) {
            throw RcErrors.invalidParameter(name);
        }
        JsonNode number = party.get("phoneNumber");
        if (number == null || !number.isString() || !PhoneNumbers.isE164(number.asString())) {
            throw RcErrors.invalidParameter(name + ".phoneNumber");
        }
        return number.asString();
    }

    private static List<String> recipients(JsonNode to) {
        if (to == null || !to.isArray() || to.isEmpty()) {
            throw RcErrors.invalidParameter("to");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode party : to) {
            list.add(phone(party, "to"));
        }
        return list;
    }

    private static long date(String text, long fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw RcErrors.invalidParameter("dateFrom");
        }
    }

    private static int positive(Exchange exchange, String name, int fallback) {
        String value = exchange.query(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1 || parsed > 1000) {
                throw RcErrors.invalidParameter(name);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw RcErrors.invalidParameter(name);
        }
    }
}
