package io.ringbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.ringbridge.testsupport.TestGateway;

/**
 * Issue 14: {@code RINGBRIDGE_MODE=production} without RingCentral credentials must not start at all, as an operator
 * runs it: a process of its own, configured through environment variables, that exits with a one-line reason. The
 * packaged jar is used when the build made one that is newer than the compiled classes; otherwise the same main class
 * runs in a child JVM on the test classpath (a test cannot package the jar itself in reasonable time, and a stale jar
 * would test yesterday's code).
 */
class ProductionStartRefusalTest {

    private static final String KEYS = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void productionWithoutRingCentralCredentialsExitsWithOneLineNamingThem() throws Exception {
        Path dataDir = Files.createTempDirectory("production-refusal-");
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("RINGCENTRAL_") || name.startsWith("RINGBRIDGE_") || name.equals("DATABASE_URL"));
        env.put("RINGBRIDGE_MODE", "production");
        env.put("RINGBRIDGE_ENCRYPTION_KEYS", KEYS);
        env.put("RINGBRIDGE_ADMIN_KEY", TestGateway.ADMIN_KEY);
        env.put("RINGBRIDGE_PUBLIC_URL", "https://sms.example.com");
        env.put("RINGBRIDGE_DATA_DIR", dataDir.toString());
        env.put("PORT", "0");
        Path output = dataDir.resolve("output.log");
        Process process = builder.redirectOutput(output.toFile()).start();

        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output);

        assertThat(exited).as("the gateway exits by itself:\n%s", printed).isTrue();
        assertThat(process.exitValue()).as(printed).isNotZero();
        List<String> reasons = printed.lines().filter(line -> line.contains("refuses to start")).toList();
        assertThat(reasons).as(printed).singleElement().satisfies(line -> assertThat(line)
                .contains("RINGBRIDGE_MODE=production refuses to start; missing: RINGCENTRAL_CLIENT_ID",
                        "RINGCENTRAL_CLIENT_SECRET")
                .doesNotContain("RINGBRIDGE_ENCRYPTION_KEYS", "RINGBRIDGE_ADMIN_KEY", "RINGBRIDGE_PUBLIC_URL"));
        assertThat(printed).as("a reason, not a stack trace").doesNotContain("\tat ");
        assertThat(printed).doesNotContain("Tomcat started", "SANDBOX");
    }

    private static List<String> command() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        Optional<Path> jar = freshJar();
        if (jar.isPresent()) {
            command.add("-jar");
            command.add(jar.get().toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("io.ringbridge.RingBridgeApplication");
        }
        return command;
    }

    /** {@code target/ringbridge-gateway-*-exec.jar}, if the build packaged one after compiling the current classes. */
    private static Optional<Path> freshJar() throws IOException {
        Path target = Path.of("target");
        Path compiled = target.resolve("classes/io/ringbridge/platform/config/ProductionReadiness.class");
        if (!Files.isDirectory(target) || !Files.exists(compiled)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "ringbridge-gateway-*-exec.jar")) {
            for (Path jar : jars) {
                if (Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(compiled)) >= 0) {
                    return Optional.of(jar);
                }
            }
        }
        return Optional.empty();
    }
}
