package io.ringbridge.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The embedded database holds every tenant's messages and the sealed secrets: only the gateway's own user may read
 * it. H2 creates its files with the process's umask (often world-readable), so they are created here first, owner
 * only, and H2 opens what is already there; a data directory the gateway creates is owner-only too, which also
 * covers H2's temporary files.
 */
final class PrivateDatabaseFiles {

    /** The database file and H2's error trace beside it. */
    private static final List<String> SUFFIXES = List.of(".mv.db", ".trace.db");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateDatabaseFiles() {
    }

    /** Before H2 opens {@code database} (a path without H2's suffix). */
    static void prepare(Path database) {
        Path directory = database.toAbsolutePath().getParent();
        try {
            if (!posix(directory.getRoot())) {
                return; // Windows: files inherit the directory's ACL
            }
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory.getParent());
                createOwnerOnly(directory, OWNER_DIRECTORY, true);
            }
            for (String suffix : SUFFIXES) {
                Path file = directory.resolve(database.getFileName() + suffix);
                if (Files.exists(file)) {
                    Files.setPosixFilePermissions(file, OWNER_FILE); // files of a release that left them open
                } else {
                    createOwnerOnly(file, OWNER_FILE, false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded database files in " + directory, e);
        }
    }

    private static void createOwnerOnly(Path path, Set<PosixFilePermission> permissions, boolean directory)
            throws IOException {
        FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(permissions);
        try {
            if (directory) {
                Files.createDirectory(path, attribute);
            } else {
                Files.createFile(path, attribute);
            }
        } catch (FileAlreadyExistsException raced) {
            return; // another instance sharing the directory made it first
        }
        Files.setPosixFilePermissions(path, permissions); // the umask may have narrowed even these
    }

    private static boolean posix(Path root) {
        return root != null && root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
