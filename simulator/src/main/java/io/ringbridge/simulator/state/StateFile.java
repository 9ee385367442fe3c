package io.ringbridge.simulator.state;

import io.ringbridge.simulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * The simulator's state as one JSON file. Saves replace the file atomically (a temporary file in the same
 * directory, then a move), so a crash leaves either the old or the new state. The file holds live tokens, so
 * it is readable by its owner only where the file system has POSIX permissions.
 */
public final class StateFile {
    private static final System.Logger LOG = System.getLogger(StateFile.class.getName());

    private final Path path;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /**
     * The saved state; empty when there is no file yet. A file that cannot be read as state is moved aside
     * (never silently overwritten) and the simulator starts empty, saying so on stderr.
     */
    public Optional<SimulatorState> load() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            SimulatorState state = Json.MAPPER.readValue(Files.readAllBytes(path), SimulatorState.class);
            if (state == null || state.version() != SimulatorState.VERSION || state.directory() == null
                    || state.messages() == null) {
                throw new IllegalArgumentException("not a simulator state file of version " + SimulatorState.VERSION);
            }
            return Optional.of(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator state file " + path, e);
        } catch (JacksonException | IllegalArgumentException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + System.currentTimeMillis());
            moveAside(aside);
            String problem = "RingCentral simulator: the state file " + path + " is unreadable (" + e.getMessage()
                    + "); moved it to " + aside + " and starting with an empty state";
            System.err.println(problem);
            LOG.log(System.Logger.Level.WARNING, problem);
            return Optional.empty();
        }
    }

    public void save(SimulatorState state) {
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp", ownerOnly(dir));
            try {
                Files.write(temp, Json.MAPPER.writeValueAsBytes(state));
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator state file " + path, e);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void moveAside(Path aside) {
        try {
            Files.move(path, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable state file " + path + " aside", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
}
