package io.ringbridge.simulator.sms;

import io.ringbridge.simulator.http.Times;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders stored messages as the REST API ({@code Get(SMS)MessageInfoResponse}) and notifications show them. */
public final class MessageJson {
    private MessageJson() {
    }

    public static String messageUri(String baseUrl, StoredMessage m) {
        return baseUrl + "/restapi/v1.0/account/" + m.accountId + "/extension/" + m.extensionId
                + "/message-store/" + m.id;
    }

    /**
     * The REST representation. {@code full} adds the fields only {@code GET …/message-store/{id}} returns
     * ({@code extensionId}, {@code owner}, {@code segmentCount}, {@code deliveryErrorCode}).
     */
    public static Map<String, Object> rest(String baseUrl, StoredMessage m, boolean full) {
        String uri = messageUri(baseUrl, m);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uri", uri);
        body.put("id", m.id);
        if (full) {
            body.put("extensionId", Long.toString(m.extensionId));
        }
        body.put("to", recipients(m, false));
        body.put("from", Map.of("phoneNumber", m.from));
        body.put("type", "SMS");
        body.put("creationTime", Times.iso(m.createdAtMillis));
        body.put("readStatus", "Inbound".equals(m.direction) ? "Unread" : "Read");
        body.put("priority", "Normal");
        body.put("attachments", List.of(attachment(uri, m)));
        body.put("direction", m.direction);
        body.put("availability", "Alive");
        body.put("subject", m.text);
        String status = m.status;
        body.put("messageStatus", status);
        if ("Outbound".equals(m.direction)) {
            body.put("smsSendingAttemptsCount", 1);
        }
        if (full && m.deliveredAtMillis != 0) {
            body.put("smsDeliveryTime", Times.iso(m.deliveredAtMillis));
        }
        if (full && m.deliveryErrorCode != null) {
            body.put("deliveryErrorCode", m.deliveryErrorCode);
        }
        if (full) {
            body.put("segmentCount", m.segmentCount());
            body.put("owner", owner(m));
            // The spec's GetSingleMessageInfoResponse requires vmSideRecipients (minItems 1), even for SMS.
            body.put("vmSideRecipients", recipients(m, false));
        }
        body.put("conversationId", m.conversationId);
        body.put("conversation", Map.of("id", Long.toString(m.conversationId),
                "uri", baseUrl + "/restapi/v1.0/conversation/" + m.conversationId));
        body.put("lastModifiedTime", Times.iso(m.lastModifiedMillis));
        return body;
    }

    /** The {@code body} of an instant-message notification ({@code InstantMessageEventBody}). */
    public static Map<String, Object> instantEventBody(StoredMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Long.toString(m.id));
        body.put("to", recipients(m, true));
        body.put("from", Map.of("phoneNumber", m.from));
        body.put("type", "SMS");
        body.put("creationTime", Times.iso(m.createdAtMillis));
        body.put("lastModifiedTime", Times.iso(m.lastModifiedMillis));
        body.put("readStatus", "Unread");
        body.put("priority", "Normal");
        body.put("attachments", List.of(attachment(messageUri(m.baseUrl, m), m)));
        body.put("direction", m.direction);
        body.put("availability", "Alive");
        body.put("subject", m.text);
        body.put("messageStatus", m.status);
        body.put("conversationId", Long.toString(m.conversationId));
        body.put("conversation", Map.of("id", Long.toString(m.conversationId)));
        body.put("eventType", "Create");
        body.put("owner", owner(m));
        body.put("ownerId", Long.toString(m.extensionId));
        return body;
    }

    private static List<Map<String, Object>> recipients(StoredMessage m, boolean markTarget) {
        List<Map<String, Object>> to = new ArrayList<>();
        for (String number : m.to) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("phoneNumber", number);
            if ("Inbound".equals(m.direction) || markTarget) {
                r.put("target", true);
            }
            if ("Outbound".equals(m.direction)) {
                r.put("messageStatus", m.status);
            }
            to.add(r);
        }
        return to;
    }

    private static Map<String, Object> attachment(String messageUri, StoredMessage m) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", m.id);
        a.put("uri", messageUri + "/content/" + m.id);
        a.put("type", "Text");
        a.put("contentType", "text/plain");
        return a;
    }

    private static Map<String, Object> owner(StoredMessage m) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("extensionId", Long.toString(m.extensionId));
        owner.put("extensionType", "User");
        if (m.ownerName != null) {
            owner.put("name", m.ownerName);
        }
        return owner;
    }
}
