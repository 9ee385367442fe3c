package io.ringbridge.platform.health;


import com.zaxxer.hikari.HikariDataSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ringbridge.platform.db.DatabaseUrl;

/**
 * {@code GET /health}: 200 while the database answers a query, 503 when it does not. The check has
 * two connections of its own, so a busy main pool never makes a healthy instance look dead, and a dead database
 * shows within about a second instead of after the main pool's five-second wait.
 */
@RestController
@Tag(name = "Health")
class HealthController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final HikariDataSource pool;
    private final JdbcClient jdbc;

    HealthController(DatabaseUrl url) {
        pool = new HikariDataSource();
        pool.setPoolName("ringbridge-health");
        pool.setJdbcUrl(url.jdbcUrl());
        pool.setUsername(url.username());
        pool.setPassword(url.password());
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(1_000);
        pool.setValidationTimeout(500);
        pool.setInitializationFailTimeout(-1); // the gateway's own pool decides whether startup fails
        JdbcTemplate template = new JdbcTemplate(pool);
        template.setQueryTimeout(1);
        this.jdbc = JdbcClient.create(template);
    }

    @GetMapping("/health")
    @Operation(summary = "Liveness of the gateway and its database", security = {})
    ResponseEntity<Health> health() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return ResponseEntity.ok(Health.UP);
        } catch (DataAccessException e) {
            log.warn("Health check: database unreachable ({})", e.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Health.DATABASE_UNREACHABLE);
        }
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
