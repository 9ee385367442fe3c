package io.ringbridge.platform.db;

import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One INSERT statement whose rows, when they arrive together, share one transaction ({@link Batcher}: one commit,
 * one WAL flush, and on PostgreSQL one multi-row statement). {@link #insert} returns once the row is committed, so
 * an answer given after it is durable. A row that violates a constraint fails only its own caller: the batch is run
 * again one row at a time.
 *
 * @param <T> what one row is made from
 */
public final class GroupCommittedInsert<T> {

    private static final int MAX_BATCH = 128;

    private final NamedParameterJdbcTemplate jdbc;
    private final String sql;
    private final Function<T, SqlParameterSource> row;
    private final Batcher<T, T> batcher;

    /** @param sql an INSERT with named parameters; {@code row} gives them for one item */
    public GroupCommittedInsert(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, String sql,
                                Function<T, SqlParameterSource> row) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.row = row;
        this.batcher = new Batcher<>(MAX_BATCH, items -> {
            transactions.executeWithoutResult(tx -> insertWithin(items));
            return items;
        });
    }

    /** Inserts in a transaction of its own, shared with whatever rows arrive at the same time; rethrows its failure. */
    public void insert(T item) {
        batcher.submit(item);
    }

    /** Inserts in the caller's transaction, for rows that must commit with the caller's other writes. */
    public void insertWithin(List<T> items) {
        jdbc.batchUpdate(sql, items.stream().map(row).toArray(SqlParameterSource[]::new));
    }
}
