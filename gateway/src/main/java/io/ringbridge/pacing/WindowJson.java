package io.ringbridge.pacing;

import tools.jackson.databind.json.JsonMapper;

/** A window as the shared store writes it: its {@link PacingWindow.State} as JSON. */
final class WindowJson {

    private final JsonMapper json = JsonMapper.builder().build();
    private final long marginMs;

    WindowJson(long marginMs) {
        this.marginMs = marginMs;
    }

    String write(PacingWindow window) {
        return json.writeValueAsString(window.state());
    }

    PacingWindow read(String stored) {
        return PacingWindow.of(json.readValue(stored, PacingWindow.State.class), marginMs);
    }

    PacingWindow fresh(int limit) {
        return PacingWindow.fresh(limit, marginMs);
    }
}
