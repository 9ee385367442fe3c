package io.ringbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A gateway or simulator the driver started as a process of its own. */
final class Launched implements AutoCloseable {

    private final Process process;
    private final Path log;
    final URI base;

    private Launched(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * The packaged gateway ({@code java -jar}) with {@code --name=value} properties; {@code GATEWAY_JVM_OPTIONS}
     * adds JVM options, e.g. {@code -XX:StartFlightRecording=filename=/tmp/gateway-%p.jfr} to profile it.
     */
    static Launched gateway(String java, Path jar, Map<String, String> properties) {
        // A fixed heap, as a server runs: left to grow, G1 keeps the heap near a third of the maximum and, with H2's
        // pages in the same heap, pauses three times as often (every 0.65 s instead of 2 s at 3,500 requests/s).
        List<String> command = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g"));
        String options = System.getenv().getOrDefault("GATEWAY_JVM_OPTIONS", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=0"));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        return start(command, Pattern.compile("Tomcat started on port (\\d+)"), "/health");
    }

    /** The standalone RingCentral simulator. */
    static Launched simulator(String java, String classpath, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseZGC", "-cp", classpath,
                "io.ringbridge.simulator.SimulatorMain", "--port", "0", "--host", "127.0.0.1"));
        command.addAll(args);
        return start(command, Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)"), "/");
    }

    private static Launched start(List<String> command, Pattern port, String probe) {
        try {
            Path log = Files.createTempFile("bench-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            for (int i = 0; i < 1_800; i++) { // up to 3 minutes: a loaded machine starts a gateway slowly
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited: " + Files.readString(log));
                }
                Matcher matcher = port.matcher(Files.readString(log));
                if (matcher.find()) {
                    URI base = URI.create("http://127.0.0.1:" + matcher.group(1));
                    for (int j = 0; j < 300; j++) {
                        try {
                            if (Http.get(base.resolve(probe), null).status() < 500) {
                                return new Launched(process, log, base);
                            }
                        } catch (IllegalStateException notYet) {
                            // keep waiting
                        }
                        Thread.sleep(100);
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("did not start: " + Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed that was not already. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
