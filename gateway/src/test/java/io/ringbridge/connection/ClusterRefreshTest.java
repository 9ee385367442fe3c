package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * docs/API.md "RingCentral connection": "one refresh per extension at a time across all instances". Two gateway
 * instances share one PostgreSQL; an extension's access token has run out; 50 requests that need it arrive at once,
 * half on each instance. RingCentral rotates refresh tokens, so a second refresh would at best waste the Auth budget
 * and at worst kill the connection: exactly one refresh may reach RingCentral, and every request must succeed.
 */
class ClusterRefreshTest {

    private static final Logger log = LoggerFactory.getLogger(ClusterRefreshTest.class);

    static SimulatedRingCentral ringCentral;
    static TestGateway first;
    static TestGateway second;

    @BeforeAll
    static void start() {
        assumeTrue(Database.selected().anyMatch(Database.POSTGRES::equals), "PostgreSQL is not among the selected databases");
        // 50 phone-number reads for one user in a burst are more than RingCentral's Light group allows in a minute.
        ringCentral = SimulatedRingCentral.start(config -> config.rateLimitsEnabled(false)
                .tokenLifetimes(Duration.ofSeconds(2), Duration.ofHours(1)));
        // The sweep and the subscription check are paused: only the requests themselves can trigger a refresh.
        first = ringCentral.start(paused(ringCentral.gateway(Database.POSTGRES)));
        second = ringCentral.start(paused(ringCentral.gateway(Database.POSTGRES).sharingDatabaseWith(first)));
    }

    private static TestGateway.Builder paused(TestGateway.Builder gateway) {
        return gateway.property("ringbridge.connection.refresh-sweep-interval", "1h")
                .property("ringbridge.connection.subscription-check-interval", "1h");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (ringCentral != null) {
            ringCentral.close();
        }
    }

    @Test
    void fiftyConcurrentRequestsOnTwoInstancesCauseExactlyOneRefresh() throws Exception {
        Api api = first.api();
        Lifecycle.Connected connected = Lifecycle.connect(first, ringCentral, ALICE);
        // The refresh will get a token of RingCentral's usual hour; the one from the connect dies in 2 s.
        ringCentral.admin().tokenLifetimes(Duration.ofHours(1), Duration.ofDays(7));
        Thread.sleep(2_500);
        Instant expiredAt = Instant.parse(Lifecycle.extension(api, connected).path("expiresAt").asString());
        assertThat(expiredAt).as("the access token has run out").isBefore(Instant.now());
        long refreshesBefore = ringCentral.admin().tokenRequests("refresh_token");

        int requests = 50;
        CountDownLatch ready = new CountDownLatch(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        long started;
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                Api client = (i % 2 == 0 ? first : second).api();
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return Lifecycle.sync(client, connected);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            started = System.nanoTime();
            go.countDown();
        }
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get());
        }
        long refreshes = ringCentral.admin().tokenRequests("refresh_token") - refreshesBefore;
        log.info("50 concurrent syncs on 2 instances: {} refresh(es) reached RingCentral, all answered within {} ms",
                refreshes, tookMs);
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).as("sync: %s", response).isEqualTo(200);
            assertThat(response.json().path("phoneNumbers").valueStream().map(n -> n.asString())).containsExactly(ALICE_SMS);
            assertThat(Instant.parse(response.text("expiresAt"))).as("the expiry of the token it used: %s", response)
                    .isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        });
        assertThat(refreshes).as("refresh requests at RingCentral").isEqualTo(1);
        assertThat(Lifecycle.status(api, connected)).isEqualTo("active");
        assertThat(Instant.parse(Lifecycle.extension(second.api(), connected).path("expiresAt").asString()))
                .as("the refreshed token, as both instances see it").isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(Lifecycle.session(ringCentral, connected.sessionId()).get("status")).isEqualTo("Active");
        assertThat(Lifecycle.announcedStatuses(first, connected)).containsExactly("active");
    }
}
