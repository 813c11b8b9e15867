package dev.keel.store.jdbc.it;

/** The restart on an H2 file: the embedded, one-process store. */
class H2FileRestartTest extends RestartTest {
  @Override
  Db database() {
    return Db.h2File();
  }
}
