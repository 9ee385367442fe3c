package io.ringbridge.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The drain's reference: the {@code POST …/sms} the gateway sends while draining, sent by this driver straight to the
 * same simulator (limits off, same added latency) with as many requests in flight as the draining gateway allows
 * itself. How fast this machine's simulator answers bounds the drain, so the drain compares across machines only as
 * a share of it.
 */
final class SimulatorAlone {

    private static final String SMS = "/restapi/v1.0/account/~/extension/~/sms";

    private SimulatorAlone() {
    }

    /**
     * Requests a second over {@code seconds}, once warm. {@code callback} is a redirect URI registered with the
     * simulated app: each user signs in through the OAuth flow, as the gateway's users did.
     */
    static Load.Result sendRate(Launched simulator, URI callback, int users, int inFlight, double seconds) {
        List<String> tokens = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            tokens.add(BenchWorld.ownSession(simulator, callback, BenchWorld.extension(user)));
        }
        AtomicLong sent = new AtomicLong();
        List<RawHttp> connections = new ArrayList<>();
        List<IntSupplier> lanes = new ArrayList<>();
        for (int lane = 0; lane < inFlight; lane++) {
            RawHttp connection = new RawHttp(simulator.base);
            connections.add(connection);
            int user = lane % users;
            lanes.add(() -> connection.post(SMS, tokens.get(user), """
                    {"from":{"phoneNumber":"%s"},"to":[{"phoneNumber":"+1415%07d"}],"text":"Bench message"}"""
                    .formatted(BenchWorld.number(user), sent.incrementAndGet() % 10_000_000)));
        }
        try {
            Load.warmUntilSteady("simulator alone", 4, () -> Load.closedLoop(3, lanes));
            return Load.closedLoop(seconds, lanes);
        } finally {
            connections.forEach(RawHttp::close);
        }
    }
}
