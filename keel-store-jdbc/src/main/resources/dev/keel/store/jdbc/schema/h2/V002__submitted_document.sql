-- Keel store schema 2 for H2 2.x: the document a delivery config was submitted as (templates and all), kept
-- beside the config so it can be shown as its author wrote it. Null for a config built in code.

ALTER TABLE ${prefix}delivery_config ADD COLUMN IF NOT EXISTS source_name VARCHAR(1024);
ALTER TABLE ${prefix}delivery_config ADD COLUMN IF NOT EXISTS source_text CLOB;
