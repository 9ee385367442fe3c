package io.ringbridge.connection;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * API.md §4: a connect token and an OAuth state are single use even when many requests race for them (a
 * double-clicked button, a browser retrying, a replayed redirect).
 */
@EveryDatabase
class ConnectConcurrencyTest {

    static final int RACERS = 20;

    static SimulatedRingCentral ringCentral;
    static TestGateway gateway;

    @Parameter
    Database database;

    Api api;
    Fixtures.TestApp app;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        ringCentral = SimulatedRingCentral.start(config -> config.rateLimitsEnabled(false).sessionCap(1000));
        gateway = ringCentral.start(ringCentral.gateway(database));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        gateway.close();
        ringCentral.close();
    }

    @BeforeEach
    void setUp() {
        api = gateway.api();
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
                    .startsWith(ringCentral.simulator().baseUri() + "/restapi/oauth/authorize?");
            List<Response> refused = answers.stream().filter(r -> r.status() != 303).toList();
            assertThat(refused).hasSize(RACERS - 1).allSatisfy(page -> {
                assertThat(ConnectWorld.htmlPage(page, 400)).contains("This link was already used");
                assertThat(page.header("Location")).isNull();
            });
            assertThat(gateway.jdbc().sql("SELECT COUNT(*) FROM oauth_state WHERE tenant_id = :t").param("t", app.tenantId())
                    .query(Long.class).single()).as("one sign-in started").isEqualTo(invite ? 2 : 1);
        }
    }

    @Test
    void ofTwentyConcurrentCallbacksWithOneStateExactlyOneConnects() throws Exception {
        URI callback = ConnectWorld.approvedCallback(api, app.apiKey(), false, ACCOUNT, ALICE);
        Map<String, String> sessionsBefore = ConnectWorld.sessions(ringCentral, ALICE, CLIENT_ID);
        long exchangesBefore = ringCentral.admin().tokenRequests("authorization_code");

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
        assertThat(ringCentral.admin().tokenRequests("authorization_code") - exchangesBefore)
                .as("the code went to RingCentral once").isEqualTo(1);
        assertThat(ConnectWorld.sessions(ringCentral, ALICE, CLIENT_ID).size() - sessionsBefore.size()).isEqualTo(1);
        assertThat(ConnectWorld.Rows.of(gateway, app.tenantId()).extensions()).isEqualTo(1);
        assertThat(ConnectWorld.Rows.of(gateway, app.tenantId()).subscriptions()).isEqualTo(1);
        assertThat(ConnectWorld.subscriptionIds(ringCentral, ALICE))
                .containsAll(ConnectWorld.recordedSubscriptionIds(gateway, app.tenantId(), ALICE));
        assertThat(api.get("/v1/rc/extensions", app.apiKey()).json().path("extensions").get(0).path("status").asString())
                .isEqualTo("active");
    }

    /** Runs {@link #RACERS} requests at once (virtual threads behind one start gate) and returns every answer. */
    private static List<Response> race(Function<Integer, Response> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
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
