package io.ringbridge.platform.limits;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Forgets PostgreSQL counters whose windows have all gone by, so the table holds only active keys. */
@Configuration(proxyBeanMethods = false)
class RateLimitCleanup {

    @Bean
    RecurringTask<Void> rateLimitCleanupTask(JdbcClient jdbc, Clock clock) {
        return Tasks.recurring("rate-limit-cleanup", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> jdbc.sql("DELETE FROM rate_limit_window WHERE expires_at < :now")
                        .param("now", clock.millis())
                        .update());
    }
}
