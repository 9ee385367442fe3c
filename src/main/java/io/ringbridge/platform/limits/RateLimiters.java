package io.ringbridge.platform.limits;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.ringbridge.platform.db.DatabaseKind;
import io.ringbridge.platform.db.DatabaseUrl;

/**
 * Makes limiters that hold across the deployment: in memory on the single-instance H2 setup, in PostgreSQL
 * when instances share a database.
 *
 * <p>On PostgreSQL the counters use their own small pool whose sessions commit asynchronously
 * ({@code synchronous_commit = off}): a crash can forget the last few milliseconds of counts, which is
 * harmless for a rate limit, and in exchange no API request waits for a WAL flush just to be counted.
 */
@Component
public class RateLimiters implements DisposableBean {

    private final DatabaseKind kind;
    private final DatabaseUrl url;
    private final Clock clock;
    private volatile HikariDataSource pool;

    RateLimiters(DatabaseKind kind, DatabaseUrl url, Clock clock) {
        this.kind = kind;
        this.url = url;
        this.clock = clock;
    }

    public SlidingWindowLimiter create(RateLimit limit) {
        if (!kind.shared()) {
            return new LocalSlidingWindowLimiter(limit, clock);
        }
        return new PostgresSlidingWindowLimiter(limit, clock, JdbcClient.create(pool()));
    }

    private synchronized HikariDataSource pool() {
        if (pool == null) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setPoolName("ringbridge-limits");
            dataSource.setJdbcUrl(url.jdbcUrl());
            dataSource.setUsername(url.username());
            dataSource.setPassword(url.password());
            dataSource.setMaximumPoolSize(8);
            dataSource.setConnectionTimeout(5_000);
            dataSource.setConnectionInitSql("SET synchronous_commit TO OFF");
            pool = dataSource;
        }
        return pool;
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
