-- Keel store schema 1 for MySQL 8.0.1+ and MariaDB 10.6+. Times are microseconds since the epoch (UTC); JSON is
-- text the engine parses. Binary collation, so that names compare as Java compares them. Each table is created
-- with its indexes in one statement, IF NOT EXISTS, so the script may run again after a failure part-way.

CREATE TABLE IF NOT EXISTS ${prefix}delivery_config (
  name VARCHAR(128) NOT NULL PRIMARY KEY,
  application VARCHAR(128) NOT NULL,
  revision BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  body MEDIUMTEXT NOT NULL,
  CONSTRAINT ${prefix}delivery_config_application UNIQUE (application)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}resource (
  id VARCHAR(255) NOT NULL PRIMARY KEY,
  delivery_config VARCHAR(128) NOT NULL,
  environment VARCHAR(128) NOT NULL,
  application VARCHAR(128) NOT NULL,
  kind VARCHAR(128) NOT NULL,
  version BIGINT NOT NULL,
  body MEDIUMTEXT NOT NULL,
  INDEX ${prefix}resource_config (delivery_config)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}resource_state (
  resource_id VARCHAR(255) NOT NULL PRIMARY KEY,
  body MEDIUMTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}check_schedule (
  resource_id VARCHAR(255) NOT NULL PRIMARY KEY,
  managed TINYINT(1) NOT NULL,
  due_at BIGINT NOT NULL,
  triggered TINYINT(1) NOT NULL,
  lease_owner VARCHAR(255),
  lease_expires_at BIGINT,
  fence BIGINT NOT NULL,
  revision BIGINT NOT NULL,
  actuation_fence BIGINT,
  actuation_correlation_id VARCHAR(255),
  actuation_at BIGINT,
  INDEX ${prefix}check_schedule_due (managed, triggered, due_at),
  INDEX ${prefix}check_schedule_lease (lease_expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}resource_event (
  seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  resource_id VARCHAR(255) NOT NULL,
  application VARCHAR(128) NOT NULL,
  occurred_at BIGINT NOT NULL,
  event_type VARCHAR(64) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  INDEX ${prefix}resource_event_resource (resource_id, seq),
  INDEX ${prefix}resource_event_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}application_event (
  seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application VARCHAR(128) NOT NULL,
  occurred_at BIGINT NOT NULL,
  event_type VARCHAR(64) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  INDEX ${prefix}application_event_application (application, seq),
  INDEX ${prefix}application_event_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}pause (
  pause_scope VARCHAR(32) NOT NULL,
  pause_name VARCHAR(255) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (pause_scope, pause_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}task (
  seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  resource_id VARCHAR(255) NOT NULL,
  task_id VARCHAR(255) NOT NULL,
  application VARCHAR(128) NOT NULL,
  launched_at BIGINT NOT NULL,
  running TINYINT(1) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  CONSTRAINT ${prefix}task_resource_task UNIQUE (resource_id, task_id),
  INDEX ${prefix}task_running (running, launched_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}artifact_version (
  artifact_type VARCHAR(64) NOT NULL,
  artifact_name VARCHAR(255) NOT NULL,
  version VARCHAR(255) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (artifact_type, artifact_name, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}promotion (
  delivery_config VARCHAR(128) NOT NULL,
  environment VARCHAR(128) NOT NULL,
  artifact VARCHAR(128) NOT NULL,
  version VARCHAR(255) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (delivery_config, environment, artifact, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}constraint_state (
  delivery_config VARCHAR(128) NOT NULL,
  environment VARCHAR(128) NOT NULL,
  artifact VARCHAR(128) NOT NULL,
  version VARCHAR(255) NOT NULL,
  constraint_type VARCHAR(64) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (delivery_config, environment, artifact, version, constraint_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}verification_state (
  delivery_config VARCHAR(128) NOT NULL,
  environment VARCHAR(128) NOT NULL,
  artifact VARCHAR(128) NOT NULL,
  version VARCHAR(255) NOT NULL,
  verification_id VARCHAR(128) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (delivery_config, environment, artifact, version, verification_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}pin (
  delivery_config VARCHAR(128) NOT NULL,
  environment VARCHAR(128) NOT NULL,
  artifact VARCHAR(128) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (delivery_config, environment, artifact)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}approval_queue (
  seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  delivery_config VARCHAR(128) NOT NULL,
  environment VARCHAR(128) NOT NULL,
  artifact VARCHAR(128) NOT NULL,
  version VARCHAR(255) NOT NULL,
  CONSTRAINT ${prefix}approval_queue_version UNIQUE (delivery_config, environment, artifact, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}removal (
  removal_kind VARCHAR(16) NOT NULL,
  removal_name VARCHAR(255) NOT NULL,
  removed_at BIGINT NOT NULL,
  PRIMARY KEY (removal_kind, removal_name),
  INDEX ${prefix}removal_time (removed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
