package io.ringbridge.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.ScratchDirectories;
import io.ringbridge.testsupport.TestGateway;

/** Issue 14: the embedded database (every tenant's messages, the sealed secrets) is readable by its owner only. */
class PrivateDatabaseFilesTest {

    @Test
    void aGatewayOnTheEmbeddedDatabaseHasOwnerOnlyFiles() throws IOException {
        TestGateway gateway = TestGateway.on(Database.H2).start();
        Path dataDir;
        try {
            dataDir = gateway.bean(RingBridgeProperties.class).dataDir();
            assertThat(gateway.jdbc().sql("SELECT COUNT(*) FROM tenant").query(Long.class).single()).isNotNegative();
        } finally {
            gateway.close();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(dataDir)) {
            files = listed.filter(file -> file.getFileName().toString().startsWith("ringbridge.")).toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString()).contains("ringbridge.mv.db", "ringbridge.trace.db");
        assertThat(files).allSatisfy(file -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
    }

    @Test
    void aMissingDataDirectoryIsCreatedOwnerOnlyAndOldOpenFilesAreClosed() throws IOException {
        Path parent = ScratchDirectories.create("private-files-");
        Path created = parent.resolve("data");
        PrivateDatabaseFiles.prepare(created.resolve("ringbridge"));

        assertThat(permissions(created)).isEqualTo("rwx------");
        assertThat(permissions(created.resolve("ringbridge.mv.db"))).isEqualTo("rw-------");
        assertThat(Files.size(created.resolve("ringbridge.mv.db"))).as("H2 fills it on first open").isZero();

        Path old = ScratchDirectories.create("open-files-");
        Path openFile = Files.writeString(old.resolve("ringbridge.mv.db"), "H:2,old database");
        Files.setPosixFilePermissions(openFile, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateDatabaseFiles.prepare(old.resolve("ringbridge"));

        assertThat(permissions(openFile)).isEqualTo("rw-------");
        assertThat(Files.readString(openFile)).as("content untouched").isEqualTo("H:2,old database");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
