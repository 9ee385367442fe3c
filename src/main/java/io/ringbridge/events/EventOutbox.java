package io.ringbridge.events;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.platform.db.Timestamps;

/**
 * Records an event for apps (API.md §7, §8) in the caller's transaction, so an event exists exactly when the
 * change it announces was committed. WebSocket and webhook delivery read the outbox.
 */
@Component
public class EventOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    EventOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param appId   the app the event concerns, or {@code null} for every app of the tenant
     * @param payload the event's fields; {@code type}, {@code tenantId} and {@code timestamp} are added
     */
    public void append(String type, String tenantId, String appId, Map<String, Object> payload) {
        Instant now = clock.instant();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.putAll(payload);
        event.put("tenantId", tenantId);
        event.put("timestamp", now);
        jdbc.sql("INSERT INTO event_outbox (type, tenant_id, app_id, payload, created_at) VALUES (:type, :tenant, :app, :payload, :now)")
                .param("type", type)
                .param("tenant", tenantId)
                .param("app", appId)
                .param("payload", json.writeValueAsString(event))
                .param("now", Timestamps.toDb(now))
                .update();
    }
}
