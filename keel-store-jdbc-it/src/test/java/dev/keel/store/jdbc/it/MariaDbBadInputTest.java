package dev.keel.store.jdbc.it;

/** Bad input on MariaDB. */
class MariaDbBadInputTest extends BadInputTest {
  @Override
  Db database() {
    return Db.mariadb();
  }
}
