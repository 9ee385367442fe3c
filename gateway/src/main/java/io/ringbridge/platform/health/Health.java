package io.ringbridge.platform.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of {@code GET /health}; {@code database} says what is down, when something is. */
record Health(String status, @JsonInclude(JsonInclude.Include.NON_NULL) String database) {

    static final Health UP = new Health("ok", null);
    static final Health DATABASE_UNREACHABLE = new Health("down", "unreachable");
}
