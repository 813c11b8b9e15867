package dev.keel.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's own schema migrations: versioned SQL scripts per dialect, under a resource path no framework
 * scans ({@code dev/keel/store/jdbc/schema/<dialect>/V001__init.sql}), applied in order under a database lock and
 * recorded with their checksums in {@code <prefix>schema_history}. A script that changed after it ran, or a schema
 * newer than this code, stops the store with a {@link SchemaMismatchException}. On PostgreSQL each script and its
 * record are one transaction; MySQL and H2 commit each DDL statement, so their scripts are written to be re-run.
 */
final class Migrator {

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  /** Every migration, in order. A released script is never edited: a change is a new script. */
  static final List<String> SCRIPTS = List.of("V001__init.sql", "V002__submitted_document.sql",
      "V003__hot_schedule.sql");

  private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");
  private static final String PREFIX_PLACEHOLDER = "${prefix}";

  private final DataSource dataSource;
  private final SqlDialect sql;
  private final String prefix;
  private final String history;
  private final List<Script> scripts;

  /** A migration script of one dialect. */
  record Script(int version, String description, String text, String checksum) {

    /** The statements, for a prefix: comment lines dropped, split at a semicolon that ends a line. */
    List<String> statements(String prefix) {
      StringBuilder current = new StringBuilder();
      List<String> statements = new ArrayList<>();
      for (String line : text.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("--") || trimmed.isEmpty()) {
          continue;
        }
        current.append(line.replace(PREFIX_PLACEHOLDER, prefix)).append('\n');
        if (trimmed.endsWith(";")) {
          String statement = current.toString().strip();
          statements.add(statement.substring(0, statement.length() - 1));
          current.setLength(0);
        }
      }
      if (!current.toString().isBlank()) {
        statements.add(current.toString().strip());
      }
      return statements;
    }
  }

  /** A migration recorded as applied. */
  record Applied(int version, String checksum) {}

  Migrator(DataSource dataSource, Dialect dialect, String prefix) {
    this.dataSource = dataSource;
    this.sql = dialect.sql();
    this.prefix = prefix;
    this.history = prefix + "schema_history";
    this.scripts = load(dialect.sql().scripts());
  }

  static List<Script> load(String dialect) {
    List<Script> loaded = new ArrayList<>();
    for (String file : SCRIPTS) {
      Matcher m = NAME.matcher(file);
      if (!m.matches() || Integer.parseInt(m.group(1)) != loaded.size() + 1) {
        throw new IllegalStateException("Migration " + file + " is misnamed or out of order");
      }
      String path = "/dev/keel/store/jdbc/schema/" + dialect + "/" + file;
      try (InputStream in = Migrator.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("The migration script " + path + " is missing from the jar");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        loaded.add(new Script(loaded.size() + 1, m.group(2).replace('_', ' '), text, sha256(text)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(loaded);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  int latest() {
    return scripts.size();
  }

  /**
   * Brings the schema to the latest version, under the migration lock.
   *
   * @return the versions applied now, none if the schema was up to date
   * @throws SchemaMismatchException if an applied script changed or the schema is newer than this code
   */
  List<Integer> migrate() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (AutoCloseable lock = sql.lockSchema(dataSource, c, prefix)) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE IF NOT EXISTS " + history + " (version INT NOT NULL PRIMARY KEY, "
              + "description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at BIGINT NOT NULL)");
        }
        List<Applied> applied = applied(c);
        check(applied);
        List<Integer> now = new ArrayList<>();
        for (Script script : scripts.subList(applied.size(), scripts.size())) {
          apply(c, script);
          now.add(script.version());
        }
        return now;
      } catch (SQLException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new SQLException("Could not release the schema lock: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Checks, without changing anything, that the schema is at this code's version.
   *
   * @throws SchemaMismatchException if there is no schema, an older or a newer one, or a script changed
   */
  void verify() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<Applied> applied;
      try {
        applied = applied(c);
      } catch (SQLException e) {
        if (!isMissingTable(e)) {
          throw e;
        }
        throw new SchemaMismatchException("There are no Keel tables under the prefix '" + prefix + "' (no table "
            + history + "), and migrations are off: start the store once with migrations on, or apply the scripts "
            + "under dev/keel/store/jdbc/schema/" + sql.scripts() + "/ and record them in " + history);
      }
      check(applied);
      if (applied.size() < scripts.size()) {
        throw new SchemaMismatchException("The Keel tables under the prefix '" + prefix + "' are at schema version "
            + applied.size() + ", and this code needs version " + scripts.size() + ", but migrations are off: start "
            + "the store once with migrations on");
      }
    }
  }

  /**
   * Whether a DDL statement failed because it had already been applied: MySQL's duplicate column (1060), duplicate
   * key name (1061), table exists (1050) and no such index to drop (1091). Its scripts cannot say IF NOT EXISTS or
   * IF EXISTS for every statement.
   */
  private static boolean alreadyApplied(SQLException e) {
    int code = e.getErrorCode();
    return code == 1060 || code == 1061 || code == 1050 || code == 1091;
  }

  private static boolean isMissingTable(SQLException e) {
    String state = e.getSQLState();
    return "42S02".equals(state) || "42P01".equals(state) || e.getErrorCode() == 42102 || e.getErrorCode() == 42104
        || e.getErrorCode() == 1146;
  }

  private List<Applied> applied(Connection c) throws SQLException {
    return Database.query(c, "SELECT version, checksum FROM " + history + " ORDER BY version",
        rs -> new Applied(rs.getInt(1), rs.getString(2)));
  }

  private void check(List<Applied> applied) {
    for (int i = 0; i < applied.size(); i++) {
      Applied a = applied.get(i);
      if (a.version() > scripts.size()) {
        throw new SchemaMismatchException("The Keel tables under the prefix '" + prefix + "' are at schema version "
            + applied.get(applied.size() - 1).version() + ", newer than this code's version " + scripts.size()
            + ": a newer release migrated them. Run that release (or a newer one) against them, or give this one "
            + "another table prefix");
      }
      if (a.version() != i + 1) {
        throw new SchemaMismatchException("The schema history " + history + " lacks version " + (i + 1)
            + " but records version " + a.version() + ": it was edited by hand; restore it");
      }
      Script script = scripts.get(i);
      if (!script.checksum().equals(a.checksum())) {
        throw new SchemaMismatchException("Schema migration V" + String.format("%03d", a.version()) + " ("
            + script.description() + ") was applied to the tables under the prefix '" + prefix + "' with checksum "
            + a.checksum() + ", but this code's script has checksum " + script.checksum() + ": the script changed "
            + "after it ran. Restore the script, or correct " + history + " if the change is known to be harmless");
      }
    }
  }

  private void apply(Connection c, Script script) throws SQLException {
    boolean transactional = sql instanceof SqlDialect.Postgres;
    LOG.info("Applying Keel store schema migration V{} ({}) to the tables under prefix '{}'", script.version(),
        script.description(), prefix);
    c.setAutoCommit(!transactional);
    try (Statement s = c.createStatement()) {
      for (String statement : script.statements(prefix)) {
        try {
          s.execute(statement);
        } catch (SQLException e) {
          if (transactional || !alreadyApplied(e)) {
            throw e;
          }
          // MySQL commits each DDL statement: a script that stopped part-way is run again from its start.
          LOG.info("Skipping a statement of migration V{} that an earlier, interrupted run applied: {}",
              script.version(), e.getMessage());
        }
      }
      Database.update(c, "INSERT INTO " + history + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)",
          script.version(), script.description(), script.checksum(), SqlDialect.queryLong(c, sql.nowMicros()));
      if (transactional) {
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (transactional) {
        c.rollback();
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
