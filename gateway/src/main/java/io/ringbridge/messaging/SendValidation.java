package io.ringbridge.messaging;

import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.web.ApiException;

/**
 * Reads a send request's JSON with the contract's errors in the contract's order: a missing field first (named in
 * {@code param}, the first of to, from, body), then the phone numbers, then the text. A value of another JSON type
 * than text counts as present but invalid, so it gets the error of its field.
 */
final class SendValidation {

    static final String REQUIRED = "to, from, and body are required";
    static final String INVALID_NUMBER = "to and from must be valid E.164 phone numbers";
    static final String INVALID_BODY = "body must be 1-1600 characters";
    static final String INVALID_USER_ID = "userId must be a string of at most 200 characters";

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{9,14}$");
    private static final List<String> REQUIRED_FIELDS = List.of("to", "from", "body");

    private SendValidation() {
    }

    /** @param json the request body as sent; {@code null} when there was none */
    static SmsRequests.Send read(JsonNode json) {
        if (json != null && !json.isNull() && !json.isMissingNode() && !json.isObject()) {
            throw ApiException.badRequest("Invalid JSON body", "invalid_json");
        }
        for (String field : REQUIRED_FIELDS) {
            JsonNode value = json == null ? null : json.get(field);
            if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
                throw ApiException.invalid(field, REQUIRED, "missing_fields");
            }
        }
        String to = number(json, "to");
        String from = number(json, "from");
        String body = body(json.get("body"));
        return new SmsRequests.Send(to, from, body, userId(json.get("userId")));
    }

    private static String number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        // The contract's shape, and a calling code that is assigned (libphonenumber knows it).
        if (!value.isString() || !E164.matcher(value.asString()).matches() || Destination.of(value.asString()).isEmpty()) {
            throw ApiException.invalid(field, INVALID_NUMBER, "invalid_phone_number");
        }
        return value.asString();
    }

    private static String body(JsonNode value) {
        // Characters as the contract's JavaScript origin counts them: UTF-16 code units.
        if (!value.isString() || value.asString().length() > 1600) {
            throw ApiException.invalid("body", INVALID_BODY, "invalid_body");
        }
        String body = value.asString();
        // PostgreSQL text cannot hold U+0000, and no SMS carries it: refused, on every database alike.
        if (body.indexOf('\u0000') >= 0) {
            throw ApiException.invalid("body", "body must not contain NUL characters", "invalid_body");
        }
        // A lone surrogate (a JSON "\ud83d" escape) is no character at all: stored, it would come back as "?".
        if (!wellFormed(body)) {
            throw ApiException.invalid("body", "body must not contain unpaired surrogates", "invalid_body");
        }
        return body;
    }

    /** An absent or empty userId means no user. */
    private static String userId(JsonNode value) {
        if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.invalid("userId", INVALID_USER_ID, "invalid_user_id");
        }
        String userId = value.asString();
        if (userId.length() > 200 || userId.indexOf('\u0000') >= 0 || !wellFormed(userId)) {
            throw ApiException.invalid("userId", INVALID_USER_ID, "invalid_user_id");
        }
        return userId;
    }

    /** Whether every surrogate of {@code text} is half of a pair. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
