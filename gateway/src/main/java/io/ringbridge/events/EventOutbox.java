package io.ringbridge.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.platform.db.Timestamps;

/**
 * Records an event for apps in the caller's transaction, so an event exists exactly when the
 * change it announces was committed. WebSocket and webhook delivery read the outbox.
 */
@Component
public class EventOutbox {

    /** Well under PostgreSQL's 65,535 parameters per statement. */
    private static final int ROWS_PER_INSERT = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    EventOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** One event for {@link #appendAll}. */
    public record Event(String type, String tenantId, String appId, Map<String, Object> payload) {
    }

    /**
     * @param appId   the app the event concerns, or {@code null} for every app of the tenant
     * @param payload the event's fields; {@code type}, {@code tenantId} and {@code timestamp} are added
     */
    public void append(String type, String tenantId, String appId, Map<String, Object> payload) {
        appendAll(List.of(new Event(type, tenantId, appId, payload)));
    }

    /** Records several events in order, a few hundred per statement (one round trip each, not one per event). */
    public void appendAll(List<Event> events) {
        Instant now = clock.instant();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<Event> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("INSERT INTO event_outbox (type, tenant_id, app_id, payload, created_at) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 5);
            for (Event event : chunk) {
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
                Map<String, Object> full = new LinkedHashMap<>();
                full.put("type", event.type());
                full.putAll(event.payload());
                full.put("tenantId", event.tenantId());
                full.put("timestamp", now);
                params.addAll(Arrays.asList(event.type(), event.tenantId(), event.appId(), json.writeValueAsString(full),
                        Timestamps.toDb(now)));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }
}
