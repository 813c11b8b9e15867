package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.queryOne;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseScope;
import java.util.List;
import java.util.Optional;

/** Pauses, by scope and name; they outlive configs, so nothing else removes them. */
final class PauseTable {

  private final Database db;
  private final Codec codec;
  private final String pauses;
  private final String upsert;

  PauseTable(Database db, Tables tables, Codec codec) {
    this.db = db;
    this.codec = codec;
    this.pauses = tables.pause();
    this.upsert = db.sql.upsert(pauses, List.of("pause_scope", "pause_name"), List.of("body"));
  }

  void save(Pause pause) {
    String body = codec.value(pause);
    db.autoCommit("save the pause of " + pause.name(), c -> update(c, upsert, pause.scope().name(), pause.name(), body));
  }

  boolean remove(PauseScope scope, String name) {
    return db.autoCommit("remove the pause of " + name, c -> update(c, "DELETE FROM " + pauses
        + " WHERE pause_scope = ? AND pause_name = ?", scope.name(), name) > 0);
  }

  Optional<Pause> get(PauseScope scope, String name) {
    return db.autoCommit("read the pause of " + name, c -> queryOne(c, "SELECT body FROM " + pauses
        + " WHERE pause_scope = ? AND pause_name = ?", rs -> codec.value(rs.getString(1), Pause.class), scope.name(),
        name));
  }
}
