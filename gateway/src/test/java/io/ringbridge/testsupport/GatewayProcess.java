package io.ringbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * A gateway in a process of its own (same classes, a separate JVM), for what cannot be done to an in-process
 * one: killing it with SIGKILL in the middle of its work and starting it again on the same database.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final Path log;
    private final URI baseUri;

    private GatewayProcess(Process process, Path log, URI baseUri) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
    }

    /**
     * Starts a gateway with these properties ({@code --name=value}), waits until it answers {@code /health}.
     */
    public static GatewayProcess start(Map<String, String> properties) {
        try {
            Path log = Files.createTempFile("gateway-process-", ".log");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx512m");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("io.ringbridge.RingBridgeApplication");
            command.add("--server.port=0");
            properties.forEach((name, value) -> command.add("--" + name + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int port = Awaitility.await().atMost(Duration.ofSeconds(180)) // a loaded machine starts slowly.pollInterval(Duration.ofMillis(200))
                    .until(() -> port(log, process), p -> p != null && p > 0);
            GatewayProcess gateway = new GatewayProcess(process, log, URI.create("http://127.0.0.1:" + port));
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> gateway.api().get("/health", null).status() == 200);
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer port(Path log, Process process) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("Gateway process exited:\n" + Files.readString(log));
        }
        Matcher matcher = PORT.matcher(Files.readString(log));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : null;
    }

    public Api api() {
        return new Api(baseUri);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed that was not already. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
