package dev.keel.store.jdbc;

import dev.keel.testkit.db.TestDatabase;
import dev.keel.testkit.db.TestDatabases;

/** Three stores sharing one Postgres database. */
class PostgresSharedClaimTest extends SharedClaimTest {
  @Override
  TestDatabase database() {
    return TestDatabases.postgres();
  }
}
