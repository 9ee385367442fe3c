package io.ringbridge.testsupport;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer as a test sees it. */
public record Response(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** The {@code error} string of an error body. */
    public String error() {
        return json().path("error").asString();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String text(String field) {
        return json().path(field).asString();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
