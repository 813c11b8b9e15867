/**
 * Real databases for tests: {@link dev.keel.testkit.db.TestDatabases} starts a throwaway PostgreSQL or MariaDB
 * server from binaries on the test class path, or uses the server an environment variable names, and hands
 * each test class a fresh database; {@link dev.keel.testkit.db.InterceptingDataSource} is the base of data sources
 * that fail, or count what a store sends, on the way to one.
 */
@ParametersAreNonnullByDefault
package dev.keel.testkit.db;

import javax.annotation.ParametersAreNonnullByDefault;
