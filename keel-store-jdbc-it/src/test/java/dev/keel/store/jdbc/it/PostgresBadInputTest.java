package dev.keel.store.jdbc.it;

/** Bad input on PostgreSQL. */
class PostgresBadInputTest extends BadInputTest {
  @Override
  Db database() {
    return Db.postgres();
  }
}
