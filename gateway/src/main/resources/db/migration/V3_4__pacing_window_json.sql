-- Windows are now stored as JSON. They hold only the last seconds of RingCentral's budget, so rows in the old
-- layout are dropped, not converted: the next request of each extension starts a fresh window.
DELETE FROM pacing_window;
