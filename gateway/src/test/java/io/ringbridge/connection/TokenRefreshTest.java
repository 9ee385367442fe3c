package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.LogCapture;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.World;

/**
 * docs/API.md "RingCentral connection", token lifecycle: with RingCentral's token lifetimes shrunk to seconds and the
 * gateway's refresh sweep running every second, what an operator would otherwise see over days happens within a minute:
 * idle extensions kept alive, revocation noticed, passing RingCentral failures ridden out without exceeding the Auth
 * limit, and a refresh whose answer was lost recovered through RingCentral's refresh grace.
 */
@EveryDatabase
class TokenRefreshTest {

    private static final Logger log = LoggerFactory.getLogger(TokenRefreshTest.class);

    static final Duration ACCESS = Duration.ofSeconds(3);
    static final Duration REFRESH = Duration.ofSeconds(6);
    /** RingCentral's Auth group: 5 requests a minute per user and app. */
    static final int AUTH_LIMIT = 5;

    static World world;

    @Parameter
    Database database;

    Api api;
    Lifecycle.Connected connected;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        // Access tokens of seconds mean a refresh every few seconds, far above RingCentral's Auth budget, which was
        // made for hour-long tokens; here the simulator does not throttle, and the tests count the attempts instead.
        world = new World.Setup(
                config -> config.tokenLifetimes(ACCESS, REFRESH)
                        .rateLimit(RateGroup.AUTH, 10_000, Duration.ofSeconds(60), Duration.ofSeconds(60)),
                gateway -> gateway.property("ringbridge.connection.refresh-sweep-interval", "1s")
                        .property("ringbridge.connection.refresh-retry-min", "1s")
                        .property("ringbridge.connection.refresh-retry-max", "15s")
                        .property("ringbridge.connection.subscription-check-interval", "1h"))
                .start(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        world.close();
    }

    @BeforeEach
    void setUp() {
        api = world.api();
    }

    @AfterEach
    void tearDown() {
        world.admin().clearFaults();
        world.admin().tokenLifetimes(ACCESS, REFRESH);
        Lifecycle.disconnect(api, connected);
    }

    @Test
    void anUntouchedExtensionStaysActiveOverSeveralRefreshTokenLifetimes() {
        connected = Lifecycle.connect(world.gateway(), world.ringCentral(), ALICE);
        long refreshesBefore = world.admin().tokenRequests("refresh_token");
        long start = System.nanoTime();
        Duration span = REFRESH.multipliedBy(4); // the first refresh token is long dead by the end

        Set<String> seen = new LinkedHashSet<>();
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(span) < 0) {
            seen.add(Lifecycle.storedStatus(world.gateway(), connected));
            sleep(Duration.ofMillis(500));
        }

        long refreshes = world.admin().tokenRequests("refresh_token") - refreshesBefore;
        log.info("Idle extension over {} s: {} refreshes, statuses seen {}", span.toSeconds(), refreshes, seen);
        assertThat(seen).containsExactly("active");
        assertThat(Lifecycle.status(api, connected)).isEqualTo("active");
        assertThat(refreshes).as("refreshed by the sweep alone").isGreaterThanOrEqualTo(span.dividedBy(REFRESH));
        assertThat(Lifecycle.session(world.ringCentral(), connected.sessionId()).get("status"))
                .as("still the OAuth session of the connect").isEqualTo("Active");
        Response sync = Lifecycle.sync(api, connected);
        assertThat(sync.status()).as("sync: %s", sync).isEqualTo(200);
        assertThat(sync.json().path("phoneNumbers").valueStream().map(n -> n.asString())).containsExactly(ALICE_SMS);
        assertThat(Lifecycle.announcedStatuses(world.gateway(), connected)).containsExactly("active");
    }

    @Test
    void revocationAtRingCentralTurnsTheExtensionRevoked() {
        connected = Lifecycle.connect(world.gateway(), world.ringCentral(), ALICE);

        assertThat(world.admin().revokeSession(connected.sessionId())).isTrue();

        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Lifecycle.storedStatus(world.gateway(), connected).equals("revoked"));
        assertThat(Lifecycle.status(api, connected)).isEqualTo("revoked");
        log.info("Revocation noticed after {} ms", Duration.ofNanos(System.nanoTime() - revokedAt).toMillis());
        assertThat(Lifecycle.announcedStatuses(world.gateway(), connected)).containsExactly("active", "revoked");
        assertThat(Lifecycle.extension(api, connected).path("lastRefreshError").asString()).contains("OAU-211");
        Response sync = Lifecycle.sync(api, connected);
        assertThat(sync.status()).isEqualTo(409);
        assertThat(sync.error()).isEqualTo("Extension is revoked");
        // Revoked is final: the sweep leaves it for a person to reconnect.
        long refreshes = world.admin().tokenRequests("refresh_token");
        sleep(Duration.ofSeconds(3));
        assertThat(world.admin().tokenRequests("refresh_token")).isEqualTo(refreshes);
        assertThat(api.get("/v1/rc/status", connected.app().apiKey()).json().path("connected").asBoolean()).isFalse();
    }

    @Test
    void ringCentralFailuresTurnItRefreshFailedUntilTheyPassAndRetriesStayWithinTheAuthLimit() {
        // Refresh tokens outlive the outage: only the access token runs out.
        world.admin().tokenLifetimes(ACCESS, Duration.ofMinutes(5));
        connected = Lifecycle.connect(world.gateway(), world.ringCentral(), ALICE);
        long refreshesBefore = world.admin().tokenRequests("refresh_token");
        await().atMost(Duration.ofSeconds(20)).until(() -> world.admin().tokenRequests("refresh_token") > refreshesBefore);

        world.admin().addFault(FaultRule.error("token", 503, 1.0, null));
        long outageStart = System.nanoTime();
        List<Long> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = Thread.ofVirtual().start(() -> {
            long seen = 0;
            while (watching.get()) {
                long hits = world.admin().counters().faultHits().getOrDefault("token:ERROR", 0L);
                for (long i = seen; i < hits; i++) {
                    attempts.add(System.nanoTime());
                }
                seen = hits;
                sleep(Duration.ofMillis(50));
            }
        });

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Lifecycle.storedStatus(world.gateway(), connected).equals("refresh_failed"));
        assertThat(Lifecycle.status(api, connected)).isEqualTo("refresh_failed");
        long failedAfter = Duration.ofNanos(System.nanoTime() - outageStart).toMillis();
        Response duringOutage = Lifecycle.sync(api, connected);
        assertThat(duringOutage.status()).as("a request during the outage: %s", duringOutage).isEqualTo(409);
        assertThat(duringOutage.error()).isEqualTo("Extension is refresh_failed");
        // Long enough for several retries: each must wait out RingCentral's Auth spacing (5 a minute, one per 12 s).
        sleep(Duration.ofSeconds(40).minus(Duration.ofNanos(System.nanoTime() - outageStart)));
        world.admin().clearFaults();
        long clearedAt = System.nanoTime();
        watching.set(false);
        join(watcher);

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> Lifecycle.storedStatus(world.gateway(), connected).equals("active"));
        assertThat(Lifecycle.status(api, connected)).isEqualTo("active");
        long activeAfter = Duration.ofNanos(System.nanoTime() - clearedAt).toMillis();
        List<Long> offsets = attempts.stream().map(t -> Duration.ofNanos(t - outageStart).toMillis()).toList();
        int busiestMinute = busiestWindow(attempts, Duration.ofSeconds(60));
        long closestMs = closestGap(attempts).toMillis();
        log.info("Outage: refresh_failed after {} ms; {} refresh attempts at {} ms (closest {} ms apart, busiest minute {}); active again {} ms after it ended",
                failedAfter, attempts.size(), offsets, closestMs, busiestMinute, activeAfter);
        assertThat(attempts.size()).as("retried during the outage").isGreaterThanOrEqualTo(2);
        assertThat(busiestMinute).as("attempts in any 60 s, at %s ms", offsets).isLessThanOrEqualTo(AUTH_LIMIT);
        // Attempts are seen through a 50 ms poll of the simulator's counters, hence the tolerance.
        assertThat(closestMs).as("closest attempts, at %s ms", offsets)
                .isGreaterThanOrEqualTo(TokenRefresher.AUTH_SPACING.toMillis() - 200);
        assertThat(Lifecycle.announcedStatuses(world.gateway(), connected)).containsExactly("active", "refresh_failed", "active");
        assertThat(Lifecycle.session(world.ringCentral(), connected.sessionId()).get("status")).isEqualTo("Active");
        Response sync = Lifecycle.sync(api, connected);
        assertThat(sync.status()).as("sync: %s", sync).isEqualTo(200);
    }

    @Test
    void aRefreshWhoseAnswerWasLostIsRecoveredThroughRingCentralsGrace() {
        world.admin().tokenLifetimes(ACCESS, Duration.ofMinutes(2));
        connected = Lifecycle.connect(world.gateway(), world.ringCentral(), ALICE);
        long refreshesBefore = world.admin().tokenRequests("refresh_token");

        // RingCentral rotates the tokens, but the answer never arrives: the gateway still holds the old pair.
        world.admin().addFault(FaultRule.lostResponse("token", 1.0, 1));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                world.admin().counters().faultHits().getOrDefault("token:LOST_RESPONSE", 0L) == 1);
        long lostAt = System.nanoTime();

        // The retry presents the rotated-out refresh token; within the grace RingCentral answers with the new pair.
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() ->
                world.admin().tokenRequests("refresh_token") >= refreshesBefore + 3
                        && Lifecycle.storedStatus(world.gateway(), connected).equals("active"));
        long recoveredAfter = Duration.ofNanos(System.nanoTime() - lostAt).toMillis();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < 10; i++) {
            seen.add(Lifecycle.storedStatus(world.gateway(), connected));
            sleep(Duration.ofMillis(500));
        }
        log.info("Lost refresh answer recovered after {} ms; then {}; statuses announced {}", recoveredAfter, seen,
                Lifecycle.announcedStatuses(world.gateway(), connected));
        assertThat(LogCapture.lines()).as("the lost answer was this extension's refresh").anyMatch(line ->
                line.contains("Refresh of extension " + connected.extensionId() + " of " + connected.app().tenantId()
                        + " failed (refresh token: no answer from RingCentral"));
        assertThat(seen).containsExactly("active");
        assertThat(Lifecycle.announcedStatuses(world.gateway(), connected)).doesNotContain("revoked");
        assertThat(Lifecycle.session(world.ringCentral(), connected.sessionId()).get("status"))
                .as("the same OAuth session lives on").isEqualTo("Active");
        Response sync = Lifecycle.sync(api, connected);
        assertThat(sync.status()).as("sync: %s", sync).isEqualTo(200);
    }

    /** The shortest time between two consecutive attempts. */
    static Duration closestGap(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        long closest = Long.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) {
            closest = Math.min(closest, sorted.get(i) - sorted.get(i - 1));
        }
        return Duration.ofNanos(closest);
    }

    /** The most attempts within any window of the given length. */
    static int busiestWindow(List<Long> nanos, Duration window) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int busiest = 0;
        for (int i = 0; i < sorted.size(); i++) {
            int j = i;
            while (j < sorted.size() && sorted.get(j) - sorted.get(i) < window.toNanos()) {
                j++;
            }
            busiest = Math.max(busiest, j - i);
        }
        return busiest;
    }

    static void sleep(Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
