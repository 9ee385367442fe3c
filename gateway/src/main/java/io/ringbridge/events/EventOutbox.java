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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.platform.db.Timestamps;

/**
 * Records events for apps in the caller's transaction, so an event exists exactly when the change it announces was
 * committed. WebSocket and webhook delivery read the outbox.
 */
@Component
public class EventOutbox {

    /** Well under PostgreSQL's 65,535 parameters per statement. */
    private static final int ROWS_PER_INSERT = 200;

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    EventOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void append(AppEvent event) {
        appendAll(List.of(event));
    }

    /** Records several events in order, a few hundred per statement (one round trip each, not one per event). */
    public void appendAll(List<? extends AppEvent> events) {
        Instant now = clock.instant();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<? extends AppEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("INSERT INTO event_outbox (type, tenant_id, app_id, payload, created_at) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 5);
            for (AppEvent event : chunk) {
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
                params.addAll(Arrays.asList(event.type(), event.tenantId(), event.audienceAppId(),
                        json.writeValueAsString(wire(event, now)), Timestamps.toDb(now)));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    private Map<String, Object> wire(AppEvent event, Instant now) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", event.type());
        wire.putAll(json.convertValue(event, FIELDS));
        wire.put("tenantId", event.tenantId());
        wire.put("timestamp", now);
        return wire;
    }
}
