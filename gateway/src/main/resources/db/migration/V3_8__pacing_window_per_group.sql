-- Windows are now kept per extension and throttling group, named tenant:extension:group. They hold only the last
-- seconds of RingCentral's budget, so rows under the old names are dropped: each group starts a fresh window.
DELETE FROM pacing_window;
