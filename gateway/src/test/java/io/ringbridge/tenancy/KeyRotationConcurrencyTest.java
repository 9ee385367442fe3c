package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/** Concurrent key rotations on one app leave exactly one working key. */
@SharedGateways
@EveryDatabase
class KeyRotationConcurrencyTest {

    @Parameter
    Database database;

    @Test
    void fiftyParallelRotationsLeaveExactlyOneValidKey() throws Exception {
        Api api = Gateways.shared(database).api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> rotations = new ArrayList<>();

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                rotations.add(executor.submit(() -> {
                    start.await();
                    return api.post("/v1/apps/" + app.appId() + "/rotate-key", TestGateway.ADMIN_KEY, null);
                }));
            }
            start.countDown();
        }

        List<String> issued = new ArrayList<>();
        for (Future<Response> rotation : rotations) {
            assertThat(rotation.get().status()).isEqualTo(200);
            issued.add(rotation.get().text("apiKey"));
        }
        issued.add(app.apiKey());
        assertThat(issued).doesNotHaveDuplicates().hasSize(51);
        // Each key is tried from its own client address: 50 dead keys from one address would (rightly) get it blocked.
        List<String> working = issued.stream()
                .filter(key -> api.fromAnotherClient().get("/v1/apps", key).status() == 200).toList();
        assertThat(working).hasSize(1);
        assertThat(api.get("/v1/apps/" + app.appId(), working.getFirst()).text("apiKeyPrefix"))
                .isEqualTo(working.getFirst().substring(0, 8));
    }
}
