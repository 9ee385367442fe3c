package io.ringbridge.platform.crypto;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ringbridge.platform.config.RingBridgeProperties;

/**
 * After a new primary key is put first in {@code RINGBRIDGE_ENCRYPTION_KEYS}, re-seals every stored secret with it
 * in the background, so the old key can be removed once this has run (its log line says how many were moved).
 */
@Configuration(proxyBeanMethods = false)
class ResealJob {

    private static final Logger log = LoggerFactory.getLogger(ResealJob.class);

    @Bean
    RecurringTask<Void> resealTask(List<SealedColumns> columns, RingBridgeProperties properties) {
        return Tasks.recurring("secret-reseal", FixedDelay.of(properties.resealInterval()))
                .execute((instance, context) -> columns.forEach(column -> {
                    int resealed = column.resealWithPrimaryKey();
                    if (resealed > 0) {
                        log.info("Re-sealed {} {} with the primary encryption key", resealed, column.name());
                    }
                }));
    }
}
