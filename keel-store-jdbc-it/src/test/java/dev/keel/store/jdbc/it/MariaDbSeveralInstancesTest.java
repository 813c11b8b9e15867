package dev.keel.store.jdbc.it;

/** Three instances on one MariaDB database. */
class MariaDbSeveralInstancesTest extends SeveralInstancesTest {
  @Override
  Db database() {
    return Db.mariadb();
  }
}
