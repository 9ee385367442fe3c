package io.ringbridge.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code DATABASE_URL} and the pool size; everything else about the database is derived. */
@ConfigurationProperties("database")
public record DatabaseProperties(String url, @DefaultValue("20") int poolSize) {
}
