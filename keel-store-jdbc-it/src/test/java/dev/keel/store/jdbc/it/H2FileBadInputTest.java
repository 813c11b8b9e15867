package dev.keel.store.jdbc.it;

/** Bad input on H2 file. */
class H2FileBadInputTest extends BadInputTest {
  @Override
  Db database() {
    return Db.h2File();
  }
}
