/**
 * The database: H2 or PostgreSQL from {@code DATABASE_URL}, instants in and out of columns ({@code Timestamps}),
 * group commits for many small writes ({@code Batcher}, {@code GroupCommittedInsert}) and the asynchronously
 * committing pool for state that may lose its last milliseconds ({@code SoftStateDatabase}).
 */
@NamedInterface("db")
package io.ringbridge.platform.db;

import org.springframework.modulith.NamedInterface;
