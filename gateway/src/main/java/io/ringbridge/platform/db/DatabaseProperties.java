package io.ringbridge.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code DATABASE_URL} and the pool size; everything else about the database is derived.
 *
 * @param url PostgreSQL as {@code postgres://user:password@host:5432/db} or
 *        {@code jdbc:postgresql://host:5432/db?user=…&password=…}; unset, an embedded H2 file database under the
 *        data directory
 * @param poolSize Database connections this instance holds at most
 */
@ConfigurationProperties("database")
public record DatabaseProperties(String url, @DefaultValue("20") int poolSize) {
}
