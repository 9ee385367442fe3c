package io.ringbridge.platform.db;

import java.util.Optional;
import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where instances share state whose last few milliseconds may be lost in a crash without harm (rate-limit
 * counters, pacing windows): on PostgreSQL, a small separate pool whose sessions commit asynchronously
 * ({@code synchronous_commit = off}), so no request waits for a WAL flush to update it. Absent on H2, whose single
 * process keeps such state in memory.
 */
@Component
public class SoftStateDatabase implements DisposableBean {

    /** The shared pool: plain statements, or a read-modify-write in one transaction. */
    public record Shared(JdbcClient jdbc, TransactionTemplate transactions) {
        public <T> T inTransaction(Function<JdbcClient, T> work) {
            return transactions.execute(status -> work.apply(jdbc));
        }
    }

    private final DatabaseKind kind;
    private final DatabaseUrl url;
    private volatile HikariDataSource pool;
    private volatile Shared shared;

    SoftStateDatabase(DatabaseKind kind, DatabaseUrl url) {
        this.kind = kind;
        this.url = url;
    }

    /** The shared soft state, or empty when such state stays in this process (H2). */
    public Optional<Shared> shared() {
        if (!kind.shared()) {
            return Optional.empty();
        }
        if (shared == null) {
            synchronized (this) {
                if (shared == null) {
                    HikariDataSource dataSource = new HikariDataSource();
                    dataSource.setPoolName("ringbridge-soft-state");
                    dataSource.setJdbcUrl(url.jdbcUrl());
                    dataSource.setUsername(url.username());
                    dataSource.setPassword(url.password());
                    dataSource.setMaximumPoolSize(10);
                    dataSource.setConnectionTimeout(5_000);
                    dataSource.setConnectionInitSql("SET synchronous_commit TO OFF");
                    pool = dataSource;
                    shared = new Shared(JdbcClient.create(dataSource),
                            new TransactionTemplate(new JdbcTransactionManager(dataSource)));
                }
            }
        }
        return Optional.of(shared);
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
