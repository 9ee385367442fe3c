package io.ringbridge.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ringbridge.RingBridgeApplication;

/**
 * A real RingBridge instance for a test: the whole application on a random port, on its own H2 file database
 * or on a PostgreSQL database (its own, or shared with another instance to test a cluster).
 */
public final class TestGateway implements AutoCloseable {

    /** The operator key every test gateway is configured with. */
    public static final String ADMIN_KEY = "sgw_" + "ad".repeat(16);

    static {
        // Gateways start while others run (test classes run in parallel): Boot's logging system would reset the
        // JVM-wide Logback at each start, dropping the others' lines. logback-test.xml configures it once instead.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        LogCapture.attach();
    }

    private final ConfigurableApplicationContext context;
    private final Database database;
    private final String databaseUrl;
    private final Path dataDir;
    private final URI baseUri;

    private TestGateway(ConfigurableApplicationContext context, Database database, String databaseUrl, Path dataDir) {
        this.context = context;
        this.database = database;
        this.databaseUrl = databaseUrl;
        this.dataDir = dataDir;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUri = URI.create("http://127.0.0.1:" + port);
    }

    public static Builder on(Database database) {
        return new Builder(database);
    }

    public URI baseUri() {
        return baseUri;
    }

    public Database database() {
        return database;
    }

    /**
     * A client that presents itself from its own random address (X-Forwarded-For, honoured because test gateways
     * trust loopback as a proxy), isolating IP limits.
     */
    public Api api() {
        return new Api(baseUri);
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

    public static final class Builder {
        private final Database database;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private String databaseUrl;
        private Path dataDir;

        private Builder(Database database) {
            this.database = database;
            properties.put("ringbridge.admin-key", ADMIN_KEY);
            // Test clients stand in for a reverse proxy on loopback and name their own client address (Api).
            properties.put("ringbridge.trusted-proxies", "127.0.0.1");
        }

        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        public Builder withoutProperty(String name) {
            properties.remove(name);
            return this;
        }

        /** Runs on an existing PostgreSQL database. */
        public Builder databaseUrl(String jdbcUrl) {
            this.databaseUrl = jdbcUrl;
            return this;
        }

        /** Runs as a second instance on the same database as {@code other} (PostgreSQL). */
        public Builder sharingDatabaseWith(TestGateway other) {
            this.databaseUrl = other.databaseUrl;
            this.dataDir = other.dataDir;
            return this;
        }

        public TestGateway start() {
            Path dir = dataDir != null ? dataDir : ScratchDirectories.create("ringbridge-test-");
            String url = databaseUrl;
            if (url == null && database == Database.POSTGRES) {
                url = EmbeddedPostgresServer.newDatabase();
            }
            List<String> args = new ArrayList<>();
            args.add("--server.port=0");
            args.add("--ringbridge.data-dir=" + dir);
            // An empty value, not absence: a DATABASE_URL in the developer's environment must not leak in.
            args.add("--database.url=" + (url == null ? "" : url));
            properties.forEach((name, value) -> args.add("--" + name + "=" + value));
            SpringApplication application = new SpringApplication(RingBridgeApplication.class);
            ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
            return new TestGateway(context, database, url, dir);
        }
    }
}
