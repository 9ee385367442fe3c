-- The PostgreSQL limiter now counts the requests of one key that arrive together in one statement, so it records
-- how many of them the window took, not whether the single last one was allowed. (The H2 setup keeps its counts in
-- memory and never uses this table.)
ALTER TABLE rate_limit_window ADD COLUMN last_admitted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rate_limit_window DROP COLUMN last_allowed;
