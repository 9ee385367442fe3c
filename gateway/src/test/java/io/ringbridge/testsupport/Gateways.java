package io.ringbridge.testsupport;

import java.util.EnumMap;
import java.util.Map;

/**
 * Gateways with the default test configuration, one per database, started on first use and shared by every
 * test class of the JVM (the way Spring caches test contexts), alone or with a simulated RingCentral. Tests
 * isolate themselves by creating their own tenants and apps; a test that needs other settings starts its own
 * {@link TestGateway} or {@link World}.
 */
public final class Gateways {

    private static final Map<Database, TestGateway> SHARED = new EnumMap<>(Database.class);
    private static final Map<Database, World> WITH_SIMULATOR = new EnumMap<>(Database.class);
    private static Cluster cluster;

    /** Two instances with the default test configuration on one PostgreSQL database. */
    public record Cluster(TestGateway first, TestGateway second) {
    }

    private Gateways() {
    }

    public static synchronized TestGateway shared(Database database) {
        return SHARED.computeIfAbsent(database, db -> {
            // Fixtures create tenants and apps with the admin key from every test class; the admin budget of
            // The request limits are tested on gateways of their own (RateLimitTest).
            TestGateway gateway = TestGateway.on(db)
                    .property("ringbridge.limits.admin-requests-per-minute", "1000000")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
            return gateway;
        });
    }

    /**
     * The {@link World.Setup#STANDARD standard} world of a database, started on first use and shared like
     * {@link #shared}. Each class gets its simulator as started: what an earlier class changed (faults,
     * settings, the app's permissions) is put back.
     */
    public static synchronized World withSimulator(Database database) {
        World world = WITH_SIMULATOR.computeIfAbsent(database, db -> {
            World started = World.Setup.STANDARD.start(db);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            return started;
        });
        world.ringCentral().restore();
        return world;
    }

    /** Two instances on one PostgreSQL database, started on first use and shared like {@link #shared}. */
    public static synchronized Cluster sharedCluster() {
        if (cluster == null) {
            TestGateway first = TestGateway.on(Database.POSTGRES).start();
            TestGateway second = TestGateway.on(Database.POSTGRES).sharingDatabaseWith(first).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                second.close();
                first.close();
            }));
            cluster = new Cluster(first, second);
        }
        return cluster;
    }
}
