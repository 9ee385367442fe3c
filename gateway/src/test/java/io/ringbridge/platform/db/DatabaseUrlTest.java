package io.ringbridge.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.ringbridge.platform.config.StartupRefusedException;

class DatabaseUrlTest {

    @Test
    void noUrlMeansTheEmbeddedH2FileDatabaseUnderTheDataDirectory() {
        DatabaseUrl url = DatabaseUrl.resolve(null, Path.of("/srv/rb/data"));

        assertThat(url.kind()).isEqualTo(DatabaseKind.H2);
        assertThat(url.jdbcUrl()).startsWith("jdbc:h2:file:/srv/rb/data/ringbridge;MODE=PostgreSQL");
    }

    @Test
    void postgresUrlsOfHostingPlatformsAreTranslated() {
        DatabaseUrl url = DatabaseUrl.resolve("postgres://rb:p%40ss@db.internal:6543/ringbridge?sslmode=require", Path.of("."));

        assertThat(url.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/ringbridge?sslmode=require");
        assertThat(url.username()).isEqualTo("rb");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.describe()).doesNotContain("p@ss").doesNotContain("sslmode");
    }

    @Test
    void theDefaultPortIs5432() {
        assertThat(DatabaseUrl.resolve("postgresql://u@h/db", Path.of(".")).jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void jdbcUrlsPassThrough() {
        DatabaseUrl url = DatabaseUrl.resolve("jdbc:postgresql://h:5432/db?user=u&password=secret", Path.of("."));

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=secret");
        assertThat(url.describe()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void anythingElseIsRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> DatabaseUrl.resolve("mysql://h/db", Path.of(".")))
                .isInstanceOf(StartupRefusedException.class).hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrl.resolve("postgres://h", Path.of(".")))
                .isInstanceOf(StartupRefusedException.class);
    }
}
