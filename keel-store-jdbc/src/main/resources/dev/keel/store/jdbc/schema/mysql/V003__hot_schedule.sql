-- Keel store schema 3 for MySQL 8.0.1+ and MariaDB 10.6+: the lease's end is no longer indexed. Every claim and
-- every release changes it, so the index cost two secondary-index writes per check, and only the rare "when does
-- the next lease expire" read used it, which a scan of the schedule answers. One statement, atomic in MySQL 8.

DROP INDEX ${prefix}check_schedule_lease ON ${prefix}check_schedule;
