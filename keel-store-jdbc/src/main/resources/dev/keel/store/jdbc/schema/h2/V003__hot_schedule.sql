-- Keel store schema 3 for H2 2.x: the lease's end is no longer indexed. Every claim and every release changes
-- it, so the index cost two index writes per check, and only the rare "when does the next lease expire" read
-- used it, which a scan of the schedule answers.

DROP INDEX IF EXISTS ${prefix}check_schedule_lease;
