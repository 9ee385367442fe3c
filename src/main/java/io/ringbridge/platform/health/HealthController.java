package io.ringbridge.platform.health;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health} (API.md §1): 200 while the database answers, 503 when it does not. */
@RestController
@Tag(name = "Health")
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);
    private static final long TIMEOUT_MS = 2_000;

    private final JdbcClient jdbc;

    HealthController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/health")
    @Operation(summary = "Liveness of the gateway and its database", security = {})
    ResponseEntity<Map<String, String>> health() {
        try {
            // Bounded: a database that hangs must turn into a quick 503, not a hung health check.
            CompletableFuture.supplyAsync(() -> jdbc.sql("SELECT 1").query(Integer.class).single(),
                    Thread::startVirtualThread).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return ResponseEntity.ok(Map.of("status", "ok"));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Health check: database unreachable ({})", e.getCause() == null ? "timeout" : e.getCause().getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "down", "database", "unreachable"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "down"));
        }
    }
}
