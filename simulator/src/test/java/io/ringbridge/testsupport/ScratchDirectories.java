package io.ringbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * Temporary directories for what tests start (gateways' data, embedded servers' base directories), deleted when the
 * test JVM exits. Not when a gateway closes: a test may restart a gateway on the data of one it closed, and the
 * instances of a cluster share one directory. A full run writes gigabytes here (H2 files, a crash test's 5,000
 * messages); left behind, repeated runs fill the disk, and a full disk fails tests in ways that look like bugs.
 */
public final class ScratchDirectories {

    private static final Queue<Path> CREATED = new ConcurrentLinkedQueue<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirectories::deleteAll, "scratch-directories"));
    }

    private ScratchDirectories() {
    }

    public static Path create(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            CREATED.add(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        for (Path directory : CREATED) {
            try (Stream<Path> tree = Files.walk(directory)) {
                tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Already gone, or a file still being written by a process that outlived the test: best effort.
            }
        }
    }
}
