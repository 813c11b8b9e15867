package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.micros;
import static dev.keel.store.jdbc.Database.query;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.engine.store.Retention;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the store forgets as time passes, as its {@link Retention} says, the way the in-memory store does: the
 * history, tasks and schedule row of a removed resource, the promotion state of a deleted config and the history
 * of an application left without a config, each a grace period after its removal (marked in the removal table,
 * unmarked when managed again); and events and completed tasks older than the maximum age. Appends bound their
 * own history by count and age at once ({@link HistoryTables}, {@link TaskTable}).
 *
 * <p>The store's time is the latest the engine gave it (a submission's, an event's, a claim's), as in memory.
 * Removals are swept at most once a minute of that time (or the grace period, if shorter) and ages once an hour,
 * each in short transactions after the operation that moved the time; several instances sweeping at once delete
 * the same rows, which is harmless. A failed sweep is logged and tried again later.
 */
final class Retainer {

  static final String RESOURCE = "resource";
  static final String CONFIG = "config";
  static final String APPLICATION = "application";

  private static final Logger LOG = LoggerFactory.getLogger(Retainer.class);
  private static final Duration AGE_SWEEP = Duration.ofHours(1);

  private final Database db;
  private final Tables t;
  private final Retention retention;
  private final Duration removalSweep;
  private final String upsertRemoval;
  private Instant latest = Instant.MIN;
  private Instant nextRemovalSweep = Instant.MIN;
  private Instant nextAgeSweep = Instant.MIN;

  Retainer(Database db, Tables tables, Retention retention) {
    this.db = db;
    this.t = tables;
    this.retention = retention;
    this.removalSweep = retention.removedGrace().compareTo(Duration.ofMinutes(1)) < 0 ? retention.removedGrace()
        : Duration.ofMinutes(1);
    this.upsertRemoval = db.sql.upsert(tables.removal(), List.of("removal_kind", "removal_name"), List.of("removed_at"));
  }

  Retention retention() {
    return retention;
  }

  /** Moves the store's time forward, without sweeping, and returns it. */
  synchronized Instant advanceTo(Instant now) {
    if (now.isAfter(latest)) {
      latest = now;
    }
    return latest;
  }

  synchronized Instant time() {
    return latest;
  }

  /** Moves the store's time forward and forgets what the retention no longer keeps, when a sweep is due. */
  void advance(Instant now) {
    Instant removedBefore = null;
    Instant olderThan = null;
    synchronized (this) {
      advanceTo(now);
      if (!latest.isBefore(nextRemovalSweep)) {
        nextRemovalSweep = latest.plus(removalSweep);
        removedBefore = latest.minus(retention.removedGrace());
      }
      if (!latest.isBefore(nextAgeSweep)) {
        nextAgeSweep = latest.plus(AGE_SWEEP);
        olderThan = latest.minus(retention.maxAge());
      }
    }
    try {
      if (removedBefore != null) {
        forgetRemovedBefore(removedBefore);
      }
      if (olderThan != null) {
        forgetOlderThan(olderThan);
      }
    } catch (JdbcStoreException e) {
      LOG.warn("Could not drop what the Keel store's retention no longer keeps; trying again later", e);
      synchronized (this) {
        nextRemovalSweep = Instant.MIN;
        nextAgeSweep = Instant.MIN;
      }
    }
  }

  void mark(Connection c, String kind, String name, Instant at) throws SQLException {
    update(c, upsertRemoval, kind, name, micros(at));
  }

  void cancel(Connection c, String kind, String name) throws SQLException {
    update(c, "DELETE FROM " + t.removal() + " WHERE removal_kind = ? AND removal_name = ?", kind, name);
  }

  private void forgetRemovedBefore(Instant before) {
    long cutoff = micros(before);
    List<List<String>> due = db.autoCommit("find what was removed before " + before, c -> query(c,
        "SELECT removal_kind, removal_name FROM " + t.removal() + " WHERE removed_at < ?",
        rs -> List.of(rs.getString(1), rs.getString(2)), cutoff));
    for (List<String> removal : due) {
      String kind = removal.get(0);
      String name = removal.get(1);
      db.transaction("forget removed " + kind + " " + name, c -> {
        // Only if still removed: managed again meanwhile, its mark is gone.
        if (update(c, "DELETE FROM " + t.removal() + " WHERE removal_kind = ? AND removal_name = ? AND removed_at < ?",
            kind, name, cutoff) == 1) {
          forget(c, kind, name);
        }
        return null;
      });
    }
  }

  private void forget(Connection c, String kind, String name) throws SQLException {
    switch (kind) {
      case RESOURCE -> {
        update(c, "DELETE FROM " + t.resourceEvent() + " WHERE resource_id = ?", name);
        update(c, "DELETE FROM " + t.task() + " WHERE resource_id = ?", name);
        update(c, "DELETE FROM " + t.resourceState() + " WHERE resource_id = ?", name);
        update(c, "DELETE FROM " + t.checkSchedule() + " WHERE resource_id = ? AND NOT managed", name);
      }
      case CONFIG -> {
        for (String table : List.of(t.promotion(), t.constraintState(), t.verificationState(), t.pin(),
            t.approvalQueue())) {
          update(c, "DELETE FROM " + table + " WHERE delivery_config = ?", name);
        }
      }
      case APPLICATION -> update(c, "DELETE FROM " + t.applicationEvent() + " WHERE application = ?", name);
      default -> LOG.warn("Unknown removal kind {} for {}; left alone", kind, name);
    }
  }

  private void forgetOlderThan(Instant cutoff) {
    long at = micros(cutoff);
    db.autoCommit("drop history older than " + cutoff, c -> {
      update(c, "DELETE FROM " + t.resourceEvent() + " WHERE occurred_at < ?", at);
      update(c, "DELETE FROM " + t.applicationEvent() + " WHERE occurred_at < ?", at);
      update(c, "DELETE FROM " + t.task() + " WHERE NOT running AND launched_at < ?", at);
      return null;
    });
  }
}
