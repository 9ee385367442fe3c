package io.ringbridge.messaging;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.events.SmsStatusEvent;
import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.tenancy.TenantStatuses;
import io.ringbridge.tenancy.TenantsNotActive;

/**
 * Fails the queued messages of a tenant that was suspended or made inactive, within moments of the change and on
 * whichever instance gets to them first, instead of when each sender's turn would have come (up to a pacing window
 * later). Messages already being sent finish; the send worker fails any that come back to the queue.
 */
@Component
class SuspendedTenantMessages {

    static final String ERROR = "Tenant suspended or inactive";

    private static final Logger log = LoggerFactory.getLogger(SuspendedTenantMessages.class);
    private static final int BATCH = 200;
    private static final int TENANTS_PER_QUERY = 100;

    private record Waiting(String id, String tenantId, String appId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageEvents events;
    private final TenantStatuses tenants;
    private final Clock clock;
    private final MeterRegistry meters;

    SuspendedTenantMessages(JdbcClient jdbc, TransactionTemplate transactions, MessageEvents events,
                            TenantStatuses tenants, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.tenants = tenants;
        this.clock = clock;
        this.meters = meters;
    }

    /** Heard on the thread that learnt of the change (a request's, or the notifications'): the work goes elsewhere. */
    @EventListener
    void tenantsNotActive(TenantsNotActive notActive) {
        Thread.ofVirtual().name("suspended-tenant-messages").start(() -> {
            try {
                failQueued(notActive.tenantIds());
            } catch (RuntimeException e) {
                // The send worker still fails them when their sender's turn comes, and the next catch-up retries.
                log.error("Failing the queued messages of {} inactive tenant(s) failed", notActive.tenantIds().size(), e);
            }
        });
    }

    /** Fails every queued message of those tenants that are still not active; returns how many. */
    int failQueued(List<String> tenantIds) {
        // A tenant reactivated since it was announced keeps its messages.
        List<String> stillInactive = tenantIds.stream().filter(id -> !tenants.active(id)).toList();
        int failed = 0;
        for (int from = 0; from < stillInactive.size(); from += TENANTS_PER_QUERY) {
            List<String> some = stillInactive.subList(from, Math.min(from + TENANTS_PER_QUERY, stillInactive.size()));
            for (int batch = BATCH; batch == BATCH; ) {
                batch = failBatch(some);
                failed += batch;
            }
        }
        if (failed > 0) {
            log.info("Failed {} queued message(s) of suspended or inactive tenants", failed);
        }
        return failed;
    }

    private int failBatch(List<String> tenantIds) {
        Integer failed = transactions.execute(tx -> {
            List<Waiting> waiting = jdbc.sql("""
                            SELECT id, tenant_id, app_id FROM message
                            WHERE status = 'queued' AND tenant_id IN (:tenants)
                            ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
                            """)
                    .param("tenants", tenantIds).param("limit", BATCH)
                    .query((rs, row) -> new Waiting(rs.getString("id"), rs.getString("tenant_id"), rs.getString("app_id")))
                    .list();
            if (waiting.isEmpty()) {
                return 0;
            }
            jdbc.sql("""
                            UPDATE message SET status = 'failed', error = :error, updated_at = :now,
                                   claimed_until = NULL, claim_token = NULL
                            WHERE id IN (:ids) AND status = 'queued'
                            """)
                    .param("error", ERROR).param("now", Timestamps.toDb(clock.instant()))
                    .param("ids", waiting.stream().map(Waiting::id).toList())
                    .update();
            List<SmsStatusEvent> changes = waiting.stream().map(m -> MessageEvents.statusChange(m.tenantId(), m.appId(),
                    m.id(), MessageStatus.FAILED, null, ERROR)).toList();
            events.statusChanged(changes);
            return waiting.size();
        });
        meters.counter("ringbridge.sms.sends", "outcome", "failed").increment(failed);
        return failed;
    }
}
