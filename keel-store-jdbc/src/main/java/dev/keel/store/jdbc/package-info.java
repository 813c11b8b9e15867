/**
 * {@link dev.keel.store.jdbc.JdbcKeelStore}: the engine's store over JDBC, on H2 (embedded, one process),
 * PostgreSQL and MySQL/MariaDB (several engine instances sharing the work by fenced leases). Its tables live under
 * a prefix and are migrated by the store itself; nothing here is picked up by a host's Flyway, Liquibase or
 * Spring Boot schema initialisation.
 *
 * <p>The public API is the store and its builder, {@link dev.keel.store.jdbc.Dialect},
 * {@link dev.keel.store.jdbc.ClockSource} and the exceptions; everything else is package-private.
 */
@ParametersAreNonnullByDefault
package dev.keel.store.jdbc;

import javax.annotation.ParametersAreNonnullByDefault;
