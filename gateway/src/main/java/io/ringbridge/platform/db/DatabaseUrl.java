package io.ringbridge.platform.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.ringbridge.platform.config.StartupRefusedException;

/**
 * Where the data lives, from {@code DATABASE_URL}: absent → the embedded H2 file database under the data
 * directory; {@code postgres://user:pass@host:port/db} (the form hosting platforms hand out) or a
 * {@code jdbc:postgresql://…} URL → PostgreSQL.
 */
public record DatabaseUrl(DatabaseKind kind, String jdbcUrl, String username, String password) {

    /**
     * PostgreSQL compatibility, and every commit written to the file at once (H2 otherwise delays it up to half a
     * second): a message is durable when its 202 is answered, even if the process is killed right after.
     */
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    public static DatabaseUrl resolve(String databaseUrl, Path dataDir) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return new DatabaseUrl(DatabaseKind.H2, "jdbc:h2:file:" + embeddedFile(dataDir) + H2_OPTIONS, "sa", "");
        }
        String url = databaseUrl.trim();
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return fromPostgresUri(url);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(DatabaseKind.POSTGRESQL, url, null, null);
        }
        if (url.startsWith("jdbc:h2:")) {
            return new DatabaseUrl(DatabaseKind.H2, url, "sa", "");
        }
        throw new StartupRefusedException(
                "DATABASE_URL must look like postgres://user:password@host:5432/db or jdbc:postgresql://host:5432/db");
    }

    /** The embedded database under the data directory, without H2's file suffix. */
    static Path embeddedFile(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("ringbridge");
    }

    /** Whether this is the embedded database under {@code dataDir}, whose files the gateway creates itself. */
    boolean embeddedIn(Path dataDir) {
        return jdbcUrl.equals("jdbc:h2:file:" + embeddedFile(dataDir) + H2_OPTIONS);
    }

    private static DatabaseUrl fromPostgresUri(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new StartupRefusedException("DATABASE_URL is not a valid URL: " + e.getMessage());
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new StartupRefusedException("DATABASE_URL needs a host and a database name: postgres://user:password@host:5432/db");
        }
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(DatabaseKind.POSTGRESQL, jdbc, username, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** The URL without credentials, safe to log. */
    public String describe() {
        int params = jdbcUrl.indexOf(kind == DatabaseKind.H2 ? ';' : '?');
        return params < 0 ? jdbcUrl : jdbcUrl.substring(0, params);
    }
}
