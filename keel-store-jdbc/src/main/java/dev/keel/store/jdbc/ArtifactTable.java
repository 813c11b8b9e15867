package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.query;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.spi.model.ArtifactVersion;
import java.sql.SQLException;
import java.util.List;

/** Published artifact versions, by type, name and version: the first one stored stays. */
final class ArtifactTable {

  private final Database db;
  private final Codec codec;
  private final String versions;

  ArtifactTable(Database db, Tables tables, Codec codec) {
    this.db = db;
    this.codec = codec;
    this.versions = tables.artifactVersion();
  }

  boolean store(ArtifactVersion version) {
    String body = codec.value(version);
    return db.autoCommit("store artifact version " + version.name() + " " + version.version(), c -> {
      try {
        return update(c, "INSERT INTO " + versions + " (artifact_type, artifact_name, version, body) VALUES (?, ?, ?, ?)",
            version.type(), version.name(), version.version(), body) == 1;
      } catch (SQLException e) {
        if (db.sql.isUniqueViolation(e)) {
          return false;
        }
        throw e;
      }
    });
  }

  List<ArtifactVersion> versions(String type, String name) {
    return db.autoCommit("read the versions of " + name, c -> query(c, "SELECT body FROM " + versions
        + " WHERE artifact_type = ? AND artifact_name = ?", rs -> codec.value(rs.getString(1), ArtifactVersion.class),
        type, name));
  }
}
