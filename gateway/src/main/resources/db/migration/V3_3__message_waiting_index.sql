-- The queue gauges (QueueMetrics) read the oldest queued message and count the queue up to a cap through this
-- index, in the same few milliseconds however deep the queue is. Before, they counted every waiting row every 5 s:
-- with a million messages queued that took PostgreSQL most of a core for a quarter of a second each time, and it
-- showed in the latency of every request in flight.
CREATE INDEX message_waiting ON message (status, created_at);
