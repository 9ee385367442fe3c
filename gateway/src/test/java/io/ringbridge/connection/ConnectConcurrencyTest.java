package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.faults.Operations;
import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.World;
import tools.jackson.databind.JsonNode;

/**
 * docs/API.md "RingCentral connection": a connect token and an OAuth state are single use even when many requests race
 * for them (a double-clicked button, a browser retrying, a replayed redirect).
 */
@SharedGateways
@EveryDatabase
class ConnectConcurrencyTest {

    static final int RACERS = 20;

    static World world;
    static ConnectWorld.OtherUser carol;

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        world = Gateways.withSimulator(database);
        carol = ConnectWorld.addOtherAccount(world.ringCentral(), "+16175550303");
    }

    @BeforeEach
    void setUp() {
        world.admin().clearFaults();
        api = world.api();
        app = Fixtures.newTenantWithApp(api);
    }

    @Test
    void ofTwentyConcurrentClicksOnOneLinkExactlyOneGoesToRingCentral() throws Exception {
        for (boolean invite : new boolean[]{false, true}) {
            String link = ConnectFlow.link(api, app.apiKey(), invite);

            List<Response> answers = race(i -> ConnectFlow.click(api.fromAnotherClient(), link));

            List<Response> redirects = answers.stream().filter(r -> r.status() == 303).toList();
            assertThat(redirects).as("invite=%s: %s", invite, answers).hasSize(1);
            assertThat(redirects.getFirst().header("Location"))
                    .startsWith(world.ringCentral().simulator().baseUri() + "/restapi/oauth/authorize?");
            List<Response> refused = answers.stream().filter(r -> r.status() != 303).toList();
            assertThat(refused).hasSize(RACERS - 1).allSatisfy(page -> {
                assertThat(ConnectWorld.htmlPage(page, 400)).contains("This link was already used");
                assertThat(page.header("Location")).isNull();
            });
            assertThat(world.gateway().jdbc().sql("SELECT COUNT(*) FROM oauth_state WHERE tenant_id = :t").param("t", app.tenantId())
                    .query(Long.class).single()).as("one sign-in started").isEqualTo(invite ? 2 : 1);
        }
    }

    @Test
    void ofTwentyConcurrentCallbacksWithOneStateExactlyOneConnects() throws Exception {
        URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
        Map<String, String> sessionsBefore = ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID);
        long exchangesBefore = world.admin().tokenRequests("authorization_code");

        List<Response> answers = race(i -> i % 2 == 0 ? ConnectFlow.callback(api.fromAnotherClient(), callback)
                : ConnectWorld.callbackJson(api.fromAnotherClient(), callback));

        List<Response> successes = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(successes).as("%s", answers).hasSize(1);
        List<Response> refused = answers.stream().filter(r -> r.status() != 200).toList();
        assertThat(refused).hasSize(RACERS - 1).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            if (answer.header("Content-Type").startsWith("application/json")) {
                assertThat(answer.error()).isEqualTo("Invalid or expired state");
            } else {
                assertThat(ConnectWorld.htmlPage(answer, 400)).contains("Invalid or expired state");
            }
        });
        assertThat(world.admin().tokenRequests("authorization_code") - exchangesBefore)
                .as("the code went to RingCentral once").isEqualTo(1);
        assertThat(ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID).size() - sessionsBefore.size()).isEqualTo(1);
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId()).extensions()).isEqualTo(1);
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId()).subscriptions()).isEqualTo(1);
        assertThat(ConnectWorld.subscriptionIds(world.ringCentral(), ALICE))
                .containsAll(ConnectWorld.recordedSubscriptionIds(world.gateway(), app.tenantId(), ALICE));
        assertThat(api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").get(0).path("status").asString())
                .isEqualTo("active");
    }

    @Test
    void usersOfTwoAccountsConnectingAFreshTenantAtOnceLeaveExactlyOneAccountConnected() throws Exception {
        // Both sign-ins pass the account check made before the subscription is created (the tenant has no
        // account yet); slow subscription creation makes sure both are past it before either is stored.
        URI alice = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
        URI carolsCallback = ConnectWorld.approvedCallback(api, app.apiKey(), true, carol.accountId(), carol.extensionId());
        Set<String> subscriptionsBefore = union(ConnectWorld.subscriptionIds(world.ringCentral(), ALICE),
                ConnectWorld.subscriptionIds(world.ringCentral(), carol.extensionId()));
        Set<String> sessionsBefore = union(ConnectWorld.sessions(world.ringCentral(), ALICE, CLIENT_ID).keySet(),
                ConnectWorld.sessions(world.ringCentral(), carol.extensionId(), CLIENT_ID).keySet());
        world.admin().addFault(FaultRule.latency(Operations.CREATE_SUBSCRIPTION, 700));

        List<Response> answers = race(2, i -> ConnectWorld.callbackJson(api.fromAnotherClient(), i == 0 ? alice : carolsCallback));

        assertThat(answers).extracting(Response::status).as("%s", answers).containsExactlyInAnyOrder(200, 409);
        Response lost = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(lost.error()).contains("Nothing was changed");
        long winner = answers.get(0).status() == 200 ? ALICE : carol.extensionId();
        long loser = winner == ALICE ? carol.extensionId() : ALICE;
        JsonNode extensions = api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions");
        assertThat(extensions.size()).isEqualTo(1);
        assertThat(extensions.get(0).path("extensionId").asString()).isEqualTo(Long.toString(winner));
        Set<String> recorded = ConnectWorld.recordedSubscriptionIds(world.gateway(), app.tenantId(), winner);
        assertThat(ConnectWorld.Rows.of(world.gateway(), app.tenantId()).subscriptions()).isEqualTo(1);
        Set<String> created = union(ConnectWorld.subscriptionIds(world.ringCentral(), ALICE),
                ConnectWorld.subscriptionIds(world.ringCentral(), carol.extensionId()));
        created.removeAll(subscriptionsBefore);
        assertThat(created).as("only the winner's subscription is left at RingCentral").isEqualTo(recorded);
        // The shared simulator holds other tests' sessions of the same user: judge only the ones this race opened.
        Map<String, String> losersNewSessions = new HashMap<>(ConnectWorld.sessions(world.ringCentral(), loser, CLIENT_ID));
        losersNewSessions.keySet().removeAll(sessionsBefore);
        assertThat(losersNewSessions).as("the loser's session was revoked").isNotEmpty().doesNotContainValue("Active");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    /** Runs {@link #RACERS} requests at once (virtual threads behind one start gate) and returns every answer. */
    private static List<Response> race(Function<Integer, Response> request) throws Exception {
        return race(RACERS, request);
    }

    /** Runs {@code racers} requests at once; answer {@code i} is request {@code i}'s. */
    private static List<Response> race(int racers, Function<Integer, Response> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(n);
                }));
            }
            ready.await();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
