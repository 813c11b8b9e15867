/**
 * Real databases for tests: {@link dev.keel.testkit.db.TestDatabases} starts a throwaway PostgreSQL or MariaDB
 * server from binaries on the test class path, or uses the server an environment variable names, and hands
 * each test class a fresh database.
 */
@ParametersAreNonnullByDefault
package dev.keel.testkit.db;

import javax.annotation.ParametersAreNonnullByDefault;
