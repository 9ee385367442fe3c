package io.ringbridge.tenancy;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TenancyJobs {

    @Bean
    RecurringTask<Void> expiredClientBlocksTask(ClientBlocks blocks) {
        return Tasks.recurring("client-block-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> blocks.deleteExpired());
    }
}
