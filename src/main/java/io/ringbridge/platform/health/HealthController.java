package io.ringbridge.platform.health;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;

/**
 * {@code GET /health} (API.md §1): 200 while the database answers a query, 503 when it does not. A stopped
 * database refuses connections at once; a hung one is bounded by the pool's 5 s connection timeout and the
 * query's 2 s timeout.
 */
@RestController
@Tag(name = "Health")
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final JdbcClient jdbc;

    HealthController(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(2);
        this.jdbc = JdbcClient.create(template);
    }

    @GetMapping("/health")
    @Operation(summary = "Liveness of the gateway and its database", security = {})
    ResponseEntity<Map<String, String>> health() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return ResponseEntity.ok(Map.of("status", "ok"));
        } catch (DataAccessException e) {
            log.warn("Health check: database unreachable ({})", e.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "down", "database", "unreachable"));
        }
    }
}
