package dev.keel.store.jdbc;

import dev.keel.testkit.db.TestDatabase;

/** Three stores of one process sharing an in-memory H2 database, claiming by compare-and-set. */
class H2SharedClaimTest extends SharedClaimTest {
  @Override
  TestDatabase database() {
    return new TestDatabase("shared", "jdbc:h2:mem:shared;DB_CLOSE_DELAY=-1", null, null);
  }
}
