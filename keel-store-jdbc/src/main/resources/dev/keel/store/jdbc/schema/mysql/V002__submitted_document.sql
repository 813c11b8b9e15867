-- Keel store schema 2 for MySQL 8.0.1+ and MariaDB 10.6+: the document a delivery config was submitted as
-- (templates and all), kept beside the config so it can be shown as its author wrote it. Null for a config
-- built in code. One statement, which MySQL 8 applies atomically, so it cannot stop part-way.

ALTER TABLE ${prefix}delivery_config ADD COLUMN source_name VARCHAR(1024) NULL, ADD COLUMN source_text MEDIUMTEXT NULL;
