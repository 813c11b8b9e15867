-- Keel store schema 3 for PostgreSQL 12+: every check updates its schedule row twice (the claim and the release)
-- and its state once, thousands of times a second on a large store. An update that changes no indexed column and
-- finds room on its page is a heap-only (HOT) update: no index entry, and its dead version is pruned on the page
-- without waiting for vacuum. So the lease's end is no longer indexed (only the rare "when does the next lease
-- expire" read used it, and a scan of the schedule answers it), which makes a claim of a row that was not
-- triggered HOT; the two hot tables leave half of each page free for new versions; and autovacuum visits them
-- after 2% of their rows changed rather than 20%.

DROP INDEX IF EXISTS ${prefix}check_schedule_lease;
ALTER TABLE ${prefix}check_schedule SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE ${prefix}resource_state SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_analyze_scale_factor = 0.05);
