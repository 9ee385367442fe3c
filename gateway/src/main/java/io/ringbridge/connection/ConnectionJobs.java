package io.ringbridge.connection;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.ringcentral.RingCentralFailure;

/**
 * The connection's cluster-wide background work (db-scheduler runs each on one instance at a time): keeping every
 * extension's tokens fresh even when idle, keeping subscriptions alive, and forgetting spent links and states.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionJobs {

    private static final Logger log = LoggerFactory.getLogger(ConnectionJobs.class);
    private static final int BATCH = 200;
    private static final int PARALLEL = 8;

    @Bean
    RecurringTask<Void> tokenRefreshTask(Extensions extensions, TokenRefresher refresher, ConnectionProperties properties,
                                         Clock clock) {
        return Tasks.recurring("rc-token-refresh", FixedDelay.of(properties.refreshSweepInterval()))
                .execute((instance, context) -> inParallel(extensions.dueForRefresh(clock.instant(), BATCH), key -> {
                    refresher.refreshIfDue(key);
                    return null;
                }));
    }

    @Bean
    RecurringTask<Void> subscriptionCheckTask(Extensions extensions, TokenVault vault, SubscriptionManager subscriptions,
                                              ConnectionProperties properties) {
        return Tasks.recurring("rc-subscription-check", FixedDelay.of(properties.subscriptionCheckInterval()))
                .execute((instance, context) -> inParallel(extensions.all(), key -> {
                    try {
                        String action = subscriptions.reconcile(key, vault.access(key.tenantId(), key.extensionId()));
                        if (!action.equals("ok")) {
                            log.info("Subscription check of extension {}: {}", key.extensionId(), action);
                        }
                    } catch (ExtensionUnavailableException notUsableNow) {
                        // revoked or refreshing: checked again next round
                    }
                    return null;
                }));
    }

    @Bean
    RecurringTask<Void> connectLinkCleanupTask(ConnectTokens tokens, AuthorizationStates states,
                                               TransactionTemplate transactions) {
        return Tasks.recurring("rc-link-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> transactions.executeWithoutResult(tx -> {
                    tokens.deleteStale();
                    states.deleteStale();
                }));
    }

    interface Work {
        Void run(Extensions.Key key) throws Exception;
    }

    /** Runs per-extension work on virtual threads, a few at a time; one extension's failure stops no other. */
    private static void inParallel(List<Extensions.Key> keys, Work work) {
        Semaphore permits = new Semaphore(PARALLEL);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Extensions.Key key : keys) {
                executor.submit(() -> {
                    permits.acquireUninterruptibly();
                    try {
                        work.run(key);
                    } catch (RingCentralFailure | ExtensionUnavailableException e) {
                        log.warn("Background work on extension {} of {} failed: {}", key.extensionId(), key.tenantId(),
                                e.getMessage());
                    } catch (Exception e) {
                        log.error("Background work on extension {} of {} failed", key.extensionId(), key.tenantId(), e);
                    } finally {
                        permits.release();
                    }
                    return null;
                });
            }
        }
    }
}
