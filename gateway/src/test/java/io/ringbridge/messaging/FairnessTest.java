package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB;
import static io.ringbridge.testsupport.SimulatedRingCentral.BOB_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Bulk;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * A tenant with a deep backlog cannot starve another (ARCHITECTURE.md "A message out": senders are served in turn,
 * tenants interleaved): the second tenant's few messages, accepted after the first tenant's 600, are sent while
 * most of the backlog still waits.
 */
@EveryDatabase
class FairnessTest {

    static final int BACKLOG = 600;
    static final int FEW = 5;

    @Parameter
    Database database;

    /**
     * RingCentral's limits on: the busy sender is paced at 40 a minute, so its backlog lasts a quarter of an hour;
     * the other tenant's sender has a budget of its own and must not wait behind it.
     */
    @Test
    void aPacedBacklogDoesNotHoldBackAnotherTenant() throws InterruptedException {
        try (SimulatedRingCentral ringCentral = SimulatedRingCentral.start(config -> config.sessionCap(1_000));
             TestGateway gateway = ringCentral.start(gatewayFor(ringCentral))) {
            World world = World.of(gateway);

            Bulk.submit(world.api, world.busy.apiKey(), ALICE_SMS, BACKLOG, "Backlog");
            Instant fewSubmitted = Instant.now();
            List<String> few = submitFew(world);
            List<Instant> fewSent = awaitSent(world, few, Duration.ofSeconds(30));

            assertThat(Duration.between(fewSubmitted, last(fewSent))).as("the few went at once").isLessThan(Duration.ofSeconds(10));
            // 40 a minute, one of which the connect's subscription took: 39 go, the rest wait for the next window.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sentTimes(gateway, world.busy.tenantId()).size() == 39);
            Thread.sleep(1_000);
            assertThat(sentTimes(gateway, world.busy.tenantId())).as("the backlog is paced").hasSize(39);
            assertThat(waiting(gateway, world.busy.tenantId())).isEqualTo(BACKLOG - 39);
            assertThat(ringCentral.admin().counters().throttled()).as("paced, never refused by RingCentral: %s",
                    ringCentral.admin().counters().rateLimits()).isZero();
        }
    }

    /**
     * RingCentral's limits off: the busy sender goes as fast as the gateway sends (here three at a time against
     * 100 ms of RingCentral latency, so its backlog lasts over half a minute here); the other tenant's
     * messages still get their turns right away instead of queueing behind it.
     */
    @Test
    void anUnpacedBacklogDoesNotHoldBackAnotherTenant() {
        try (SimulatedRingCentral ringCentral = SimulatedRingCentral.start(config -> config.rateLimitsEnabled(false)
                .sessionCap(1_000).latencyMs(100));
             TestGateway gateway = ringCentral.start(gatewayFor(ringCentral).property("ringbridge.sending.max-in-flight", "3"))) {
            World world = World.of(gateway);

            Bulk.submit(world.api, world.busy.apiKey(), ALICE_SMS, BACKLOG, "Backlog");
            long backlogWhenTheFewArrive = waiting(gateway, world.busy.tenantId());
            List<String> few = submitFew(world);
            List<Instant> fewSent = awaitSent(world, few, Duration.ofSeconds(30));
            long stillWaiting = waiting(gateway, world.busy.tenantId());
            Bulk.awaitDrained(world.api, world.busy.apiKey(), Duration.ofMinutes(4));

            List<Instant> backlogSent = sentTimes(gateway, world.busy.tenantId());
            assertThat(backlogSent).hasSize(BACKLOG);
            Instant fewDone = last(fewSent);
            long backlogSentAfterTheFew = backlogSent.stream().filter(t -> t.isAfter(fewDone)).count();
            assertThat(backlogWhenTheFewArrive).as("a deep backlog when the few arrive").isGreaterThanOrEqualTo(200);
            assertThat(stillWaiting).as("most of it still waits when the few are sent")
                    .isGreaterThanOrEqualTo(backlogWhenTheFewArrive * 3 / 4);
            assertThat(backlogSentAfterTheFew).as("backlog messages sent after the last of the few")
                    .isGreaterThanOrEqualTo(backlogWhenTheFewArrive * 3 / 4);
            assertThat(Duration.between(fewDone, last(backlogSent))).as("the few were done long before the backlog")
                    .isGreaterThan(Duration.ofSeconds(5));
        }
    }

    private TestGateway.Builder gatewayFor(SimulatedRingCentral ringCentral) {
        return ringCentral.gateway(database)
                .property("ringbridge.limits.app-requests-per-minute", "1000000").property("ringbridge.limits.tenant-requests-per-minute", "1000000")
                .property("ringbridge.limits.admin-requests-per-minute", "1000000");
    }

    /** Two tenants: the busy one sends from Alice's number, the other from Bob's. */
    private record World(Api api, Fixtures.TestApp busy, Fixtures.TestApp other) {

        static World of(TestGateway gateway) {
            Api api = gateway.api();
            Fixtures.TestApp busy = Fixtures.newTenantWithApp(api);
            Fixtures.TestApp other = Fixtures.newTenantWithApp(api);
            assertThat(ConnectFlow.connect(api, busy.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
            assertThat(ConnectFlow.connect(api, other.apiKey(), false, ACCOUNT, BOB).status()).isEqualTo(200);
            return new World(api, busy, other);
        }
    }

    private static List<String> submitFew(World world) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FEW; i++) {
            ids.add(Sms.accepted(world.api, world.other.apiKey(), BOB_SMS, "+1628555" + String.format("%04d", i), "Few #" + i));
        }
        return ids;
    }

    private static List<Instant> awaitSent(World world, List<String> ids, Duration atMost) {
        List<Instant> sent = new ArrayList<>();
        for (String id : ids) {
            sent.add(Instant.parse(Sms.awaitStatus(world.api, world.other.apiKey(), id, atMost, "sent")
                    .path("sentAt").asString()));
        }
        return sent;
    }

    private static long waiting(TestGateway gateway, String tenantId) {
        return gateway.jdbc().sql("SELECT COUNT(*) FROM message WHERE tenant_id = :t AND status IN ('queued', 'sending')")
                .param("t", tenantId).query(Long.class).single();
    }

    private static List<Instant> sentTimes(TestGateway gateway, String tenantId) {
        return gateway.jdbc().sql("SELECT sent_at FROM message WHERE tenant_id = :t AND sent_at IS NOT NULL ORDER BY sent_at")
                .param("t", tenantId).query((rs, n) -> Timestamps.fromDb(rs, "sent_at")).list();
    }

    private static Instant last(List<Instant> times) {
        return times.stream().max(Instant::compareTo).orElseThrow();
    }
}
