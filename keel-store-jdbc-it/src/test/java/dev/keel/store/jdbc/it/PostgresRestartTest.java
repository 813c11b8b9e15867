package dev.keel.store.jdbc.it;

/** The restart on PostgreSQL. */
class PostgresRestartTest extends RestartTest {
  @Override
  Db database() {
    return Db.postgres();
  }
}
