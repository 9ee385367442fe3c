package io.ringbridge.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.platform.limits.RateDecision;

/**
 * The failed-authentication guard: a client address with too many failed authentications is
 * refused everything for a while. Blocks are stored so every instance applies them; each instance keeps
 * the current set in memory, refreshed every {@code ringbridge.limits.block-sync-interval}, so checking a request
 * costs no database read.
 */
@Component
class ClientBlocks implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ClientBlocks.class);

    private final RequestLimits limits;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration blockFor;
    private final Duration syncInterval;
    private volatile Map<String, Instant> blocked = Map.of();
    private final Map<String, Instant> blockedHere = new ConcurrentHashMap<>();

    ClientBlocks(RequestLimits limits, JdbcClient jdbc, Clock clock, RingBridgeProperties properties) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.clock = clock;
        this.blockFor = properties.limits().clientBlock();
        this.syncInterval = properties.limits().blockSyncInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refresh, syncInterval);
    }

    /** How long the client stays blocked, if it is. */
    Optional<Duration> blockedFor(String clientIp) {
        Instant until = blockedHere.getOrDefault(clientIp, blocked.get(clientIp));
        if (until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    void recordFailedAuthentication(String clientIp) {
        RateDecision decision = limits.failedAuthentication(clientIp);
        if (decision.allowed() && decision.remaining() > 0) {
            return;
        }
        Instant until = clock.instant().plus(blockFor);
        blockedHere.put(clientIp, until);
        store(clientIp, until);
        log.warn("Blocked client {} until {} after too many failed authentications", clientIp, until);
    }

    private void store(String clientIp, Instant until) {
        int updated = jdbc.sql("UPDATE client_block SET blocked_until = :until WHERE client_ip = :ip")
                .param("until", Timestamps.toDb(until)).param("ip", clientIp).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO client_block (client_ip, blocked_until) VALUES (:ip, :until)")
                        .param("ip", clientIp).param("until", Timestamps.toDb(until)).update();
            } catch (DuplicateKeyException concurrentBlock) {
                // another instance blocked the same client a moment ago: its row stands
            }
        }
    }

    /** Picks up blocks made by other instances and forgets expired ones. */
    void refresh() {
        Instant now = clock.instant();
        Map<String, Instant> current = new ConcurrentHashMap<>();
        jdbc.sql("SELECT client_ip, blocked_until FROM client_block WHERE blocked_until > :now")
                .param("now", Timestamps.toDb(now))
                .query((rs, row) -> current.put(rs.getString("client_ip"), Timestamps.fromDb(rs, "blocked_until")))
                .list();
        blocked = Map.copyOf(current);
        blockedHere.values().removeIf(until -> !until.isAfter(now));
    }

    /** Expired blocks are ignored when read; this only keeps the table small. */
    void deleteExpired() {
        jdbc.sql("DELETE FROM client_block WHERE blocked_until <= :now")
                .param("now", Timestamps.toDb(clock.instant())).update();
    }
}
