package dev.keel.store.jdbc.it;

/** Three instances on one PostgreSQL database. */
class PostgresSeveralInstancesTest extends SeveralInstancesTest {
  @Override
  Db database() {
    return Db.postgres();
  }
}
