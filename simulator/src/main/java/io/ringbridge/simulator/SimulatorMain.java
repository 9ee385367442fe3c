package io.ringbridge.simulator;

import io.ringbridge.simulator.directory.Directory;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code --port N} (default 0 = random), {@code --host H},
 * {@code --directory file.json} (default: the demo directory), {@code --no-limits}, {@code --latency-ms N},
 * {@code --label TEXT}, {@code --admin-key K}, {@code --state-file PATH}. Prints the base URL and runs until killed.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig.Builder builder = SimulatorConfig.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(args[++i]));
                case "--host" -> builder.host(args[++i]);
                case "--directory" -> builder.directory(Directory.fromFile(Path.of(args[++i])));
                case "--no-limits" -> builder.rateLimitsEnabled(false);
                case "--latency-ms" -> builder.latencyMs(Long.parseLong(args[++i]));
                case "--label" -> builder.label(args[++i]);
                case "--admin-key" -> builder.adminKey(args[++i]);
                case "--state-file" -> builder.stateFile(Path.of(args[++i]));
                case "--help", "-h" -> {
                    System.out.println("usage: SimulatorMain [--port N] [--host H] [--directory file.json] "
                            + "[--no-limits] [--latency-ms N] [--label TEXT] [--admin-key K] [--state-file PATH]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RingCentralSimulator simulator = RingCentralSimulator.start(builder.build());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("RingCentral simulator listening on " + simulator.baseUri());
        new CountDownLatch(1).await();
    }
}
