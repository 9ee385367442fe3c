package io.ringbridge.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * In development, a generated key kept under the data directory so that secrets sealed yesterday can still
 * be opened today. Production never uses it (it must be given keys).
 */
final class DevelopmentKeyFile {

    private static final String FILE_NAME = "encryption-keys";

    private DevelopmentKeyFile() {
    }

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String spec = "dev1:" + Base64.getEncoder().encodeToString(key);
            Files.writeString(file, spec + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the directory's ACL, which is the best we can do here.
            }
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development key " + file, e);
        }
    }
}
