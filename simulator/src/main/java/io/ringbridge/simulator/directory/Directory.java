package io.ringbridge.simulator.directory;

import io.ringbridge.simulator.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The simulated platform's directory: accounts → extensions → phone numbers, and the registered apps.
 * Loaded from JSON (format: {@code simulator/README.md}); immutable, replaced wholesale on change.
 */
public record Directory(List<Account> accounts, List<App> apps) {

    public Directory {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    /** This directory plus an app (replacing one with the same client id). */
    public Directory withApp(App app) {
        List<App> list = new java.util.ArrayList<>();
        for (App existing : apps) {
            if (!existing.clientId().equals(app.clientId())) {
                list.add(existing);
            }
        }
        list.add(app);
        return new Directory(accounts, list);
    }

    public static Directory empty() {
        return new Directory(List.of(), List.of());
    }

    public static Directory fromJson(InputStream in) {
        try (in) {
            return Json.MAPPER.readValue(in, Directory.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Directory fromFile(Path file) {
        try {
            return fromJson(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo directory shipped in {@code simulator/demo-directory.json}. */
    public static Directory demo() {
        InputStream in = Directory.class.getResourceAsStream("/simulator/demo-directory.json");
        if (in == null) {
            throw new IllegalStateException("simulator/demo-directory.json is missing from the classpath");
        }
        return fromJson(in);
    }
}
