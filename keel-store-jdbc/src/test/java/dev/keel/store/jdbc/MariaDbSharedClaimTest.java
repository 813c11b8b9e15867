package dev.keel.store.jdbc;

import dev.keel.testkit.db.TestDatabase;
import dev.keel.testkit.db.TestDatabases;

/** Three stores sharing one MariaDb database. */
class MariaDbSharedClaimTest extends SharedClaimTest {
  @Override
  TestDatabase database() {
    return TestDatabases.mariadb();
  }
}
