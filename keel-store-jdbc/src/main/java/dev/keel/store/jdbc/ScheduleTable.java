package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.micros;
import static dev.keel.store.jdbc.Database.query;
import static dev.keel.store.jdbc.Database.queryOne;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The check schedule and its leases: one row per resource ever managed (kept, unmanaged, until retention
 * forgets the resource, so that its fence keeps growing when it is managed again). A claim sets the owner and
 * the lease's end and adds one to the fence, and gives each due row to one claimer: by {@code SKIP LOCKED} on
 * PostgreSQL and MySQL, by compare-and-set on H2. Every write made under a lease first updates the row on the
 * condition that the lease is still held, which also holds the row until the write commits, so no claim can take
 * the check over in between. Every update adds one to {@code revision}, so that a changed row is always counted
 * whatever a MySQL driver reports for rows left unchanged.
 */
final class ScheduleTable {

  private static final String CLAIMABLE = "managed AND (triggered OR due_at <= ?) "
      + "AND (lease_owner IS NULL OR lease_expires_at <= ?)";
  /** A triggered check is due from its claim on, so that a claim left to expire is claimable again at once. */
  private static final String DUE_FROM_TRIGGER = "due_at = CASE WHEN triggered AND due_at > ? THEN ? ELSE due_at END, ";

  private final Database db;
  private final String table;

  ScheduleTable(Database db, Tables tables) {
    this.db = db;
    this.table = tables.checkSchedule();
  }

  // ---- following the configs, inside their transactions

  /** A resource managed (again), due at once and triggered; a row kept from before keeps its fence. */
  void created(Connection c, String id, long at) throws SQLException {
    int n = update(c, "UPDATE " + table + " SET managed = TRUE, due_at = ?, triggered = TRUE, lease_owner = NULL, "
        + "lease_expires_at = NULL, revision = revision + 1 WHERE resource_id = ?", at, id);
    if (n == 0) {
      update(c, "INSERT INTO " + table + " (resource_id, managed, due_at, triggered, fence, revision) "
          + "VALUES (?, TRUE, ?, TRUE, 0, 0)", id, at);
    }
  }

  /** A resource whose definition changed: due at once. */
  void changed(Connection c, String id) throws SQLException {
    update(c, "UPDATE " + table + " SET triggered = TRUE, revision = revision + 1 WHERE resource_id = ?", id);
  }

  /** A resource no longer managed: off the schedule, its lease lost. */
  void unmanaged(Connection c, String id) throws SQLException {
    update(c, "UPDATE " + table + " SET managed = FALSE, triggered = FALSE, lease_owner = NULL, lease_expires_at = NULL,"
        + " revision = revision + 1 WHERE resource_id = ?", id);
  }

  // ---- claims

  List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease) {
    if (limit <= 0) {
      return List.of();
    }
    return switch (db.sql.claimStyle()) {
      case UPDATE_RETURNING -> db.transaction("claim due checks", c -> claimReturning(c, now, limit, owner, lease));
      case SELECT_SKIP_LOCKED -> db.transaction("claim due checks", c -> claimSkipLocked(c, now, limit, owner, lease));
      case COMPARE_AND_SET -> db.autoCommit("claim due checks", c -> claimCompareAndSet(c, now, limit, owner, lease));
    };
  }

  private record Claimed(String id, boolean triggered, long due, long fence) {
    DueCheck check() {
      return new DueCheck(id, triggered, fence);
    }
  }

  private static long plus(long micros, Duration d) {
    long add = d.compareTo(Duration.ofDays(365L * 100_000)) > 0 ? Long.MAX_VALUE : d.toNanos() / 1_000;
    try {
      return Math.addExact(micros, add);
    } catch (ArithmeticException e) {
      return add < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * The claimable rows as two index-friendly selections, triggered ones first: the parameters are {@code now} (and
   * {@code now} again for due rows), then the limit. Equalities on the flags (not {@code managed AND triggered}) let
   * MySQL read the due-time index in order and stop at the limit, so that {@code FOR UPDATE SKIP LOCKED} locks only
   * the rows it returns; with a sort it would lock every row it read, and other claimers would find none.
   */
  private static final String TRIGGERED_FREE = "managed = TRUE AND triggered = TRUE "
      + "AND (lease_owner IS NULL OR lease_expires_at <= ?)";
  private static final String DUE_FREE = "managed = TRUE AND triggered = FALSE AND due_at <= ? "
      + "AND (lease_owner IS NULL OR lease_expires_at <= ?)";
  private static final String BY_DUE = " ORDER BY due_at, resource_id LIMIT ?";

  private static Object[] args(String where, long now, int limit) {
    return TRIGGERED_FREE.equals(where) ? new Object[] {now, limit} : new Object[] {now, now, limit};
  }

  private List<DueCheck> claimReturning(Connection c, Instant given, int limit, String owner, Duration lease)
      throws SQLException {
    long now = db.leaseNow(c, given);
    List<Claimed> claimed = new ArrayList<>();
    for (String where : List.of(TRIGGERED_FREE, DUE_FREE)) {
      if (claimed.size() == limit) {
        break;
      }
      List<Object> args = new ArrayList<>(List.of(owner, plus(now, lease), now, now));
      Object[] selection = args(where, now, limit - claimed.size());
      args.addAll(List.of(selection).subList(0, selection.length - 1));
      // A triggered row just claimed is due now: it must not be claimed twice in one call.
      claimed.forEach(d -> args.add(d.id()));
      String notAgain = claimed.isEmpty() ? "" : " AND resource_id NOT IN " + Database.in(claimed.size());
      args.add(selection[selection.length - 1]);
      claimed.addAll(query(c, "UPDATE " + table + " AS s SET lease_owner = ?, lease_expires_at = ?, "
          + "fence = s.fence + 1, due_at = CASE WHEN s.triggered AND s.due_at > ? THEN ? ELSE s.due_at END, "
          + "triggered = FALSE, revision = s.revision + 1 FROM (SELECT resource_id, triggered, due_at FROM " + table
          + " WHERE " + where + notAgain + BY_DUE + " FOR UPDATE SKIP LOCKED) AS d "
          + "WHERE s.resource_id = d.resource_id RETURNING s.resource_id, d.triggered, d.due_at, s.fence",
          rs -> new Claimed(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)), args.toArray()));
    }
    return claimed.stream()
        .sorted(Comparator.comparing((Claimed d) -> !d.triggered()).thenComparingLong(Claimed::due)
            .thenComparing(Claimed::id))
        .map(Claimed::check).toList();
  }

  private List<DueCheck> claimSkipLocked(Connection c, Instant given, int limit, String owner, Duration lease)
      throws SQLException {
    long now = db.leaseNow(c, given);
    List<Claimed> candidates = new ArrayList<>();
    for (String where : List.of(TRIGGERED_FREE, DUE_FREE)) {
      if (candidates.size() < limit) {
        candidates.addAll(query(c, "SELECT resource_id, triggered, due_at, fence FROM " + table + " WHERE " + where + BY_DUE
            + " FOR UPDATE SKIP LOCKED", rs -> new Claimed(rs.getString(1), rs.getBoolean(2), rs.getLong(3),
                rs.getLong(4) + 1), args(where, now, limit - candidates.size())));
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(List.of(owner, plus(now, lease), now, now));
    candidates.forEach(d -> args.add(d.id()));
    // MySQL assigns left to right, each assignment seeing the ones before: the due time is set before the trigger
    // is cleared.
    update(c, "UPDATE " + table + " SET lease_owner = ?, lease_expires_at = ?, fence = fence + 1, " + DUE_FROM_TRIGGER
        + "triggered = FALSE, revision = revision + 1 WHERE resource_id IN " + Database.in(candidates.size()),
        args.toArray());
    return candidates.stream().map(Claimed::check).toList();
  }

  /**
   * Orca's pattern: a non-locking read of candidates, then one compare-and-set each, on the fence and the
   * trigger read, so that a row claimed or triggered meanwhile is left for the next claim.
   */
  private List<DueCheck> claimCompareAndSet(Connection c, Instant given, int limit, String owner, Duration lease)
      throws SQLException {
    long now = db.leaseNow(c, given);
    List<Claimed> candidates = new ArrayList<>();
    for (String where : List.of(TRIGGERED_FREE, DUE_FREE)) {
      if (candidates.size() < limit * 3) {
        candidates.addAll(query(c, "SELECT resource_id, triggered, due_at, fence FROM " + table + " WHERE " + where
            + BY_DUE, rs -> new Claimed(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)),
            args(where, now, limit * 3 - candidates.size())));
      }
    }
    List<DueCheck> result = new ArrayList<>();
    for (Claimed d : candidates) {
      if (result.size() == limit) {
        break;
      }
      int n = update(c, "UPDATE " + table + " SET lease_owner = ?, lease_expires_at = ?, fence = fence + 1, "
          + DUE_FROM_TRIGGER + "triggered = FALSE, revision = revision + 1 WHERE resource_id = ? AND fence = ? "
          + "AND triggered = ? AND " + CLAIMABLE, owner, plus(now, lease), now, now, d.id(), d.fence(), d.triggered(),
          now, now);
      if (n == 1) {
        result.add(new DueCheck(d.id(), d.triggered(), d.fence() + 1));
      }
    }
    return result;
  }

  // ---- leases

  /**
   * Holds the row of a resource whose lease is held, until the transaction ends.
   *
   * @throws LeaseLostException if the lease is not held
   */
  void guard(Connection c, String id, Lease lease) throws SQLException {
    int n = update(c, "UPDATE " + table + " SET revision = revision + 1 WHERE resource_id = ? AND managed "
        + "AND lease_owner = ? AND fence = ?", id, lease.owner(), lease.fence());
    if (n == 0) {
      throw lost(c, id, lease, null);
    }
  }

  /** Why a lease is not held, read from the row: the exception to throw. */
  LeaseLostException lost(Connection c, String id, Lease lease, Long now) throws SQLException {
    record Row(boolean managed, String owner, long fence, Long expires) {}
    Optional<Row> row = queryOne(c, "SELECT managed, lease_owner, fence, lease_expires_at FROM " + table
        + " WHERE resource_id = ?", rs -> new Row(rs.getBoolean(1), rs.getString(2), rs.getLong(3),
            rs.getObject(4) == null ? null : rs.getLong(4)), id);
    String why;
    if (row.isEmpty() || !row.get().managed()) {
      why = "the resource is no longer managed";
    } else if (row.get().owner() == null) {
      why = "the claim was released";
    } else if (!row.get().owner().equals(lease.owner()) || row.get().fence() != lease.fence()) {
      why = "claimed again by " + row.get().owner() + " with fence " + row.get().fence();
    } else {
      why = "it expired at " + Database.instant(row.get().expires()) + (now == null ? "" : ", before "
          + Database.instant(now));
    }
    return new LeaseLostException(id, lease, why);
  }

  boolean renew(String id, Lease lease, Instant given, Duration extension) {
    return db.transaction("renew the lease on " + id, c -> update(c, "UPDATE " + table + " SET lease_expires_at = ?, "
        + "revision = revision + 1 WHERE resource_id = ? AND managed AND lease_owner = ? AND fence = ?",
        plus(db.leaseNow(c, given), extension), id, lease.owner(), lease.fence()) == 1);
  }

  void beginActuation(String id, Lease lease, String correlationId, Instant given) {
    db.transaction("begin an actuation of " + id, c -> {
      long now = db.leaseNow(c, given);
      int n = update(c, "UPDATE " + table + " SET actuation_fence = fence, actuation_correlation_id = ?, "
          + "actuation_at = ?, revision = revision + 1 WHERE resource_id = ? AND managed AND lease_owner = ? "
          + "AND fence = ? AND lease_expires_at > ?", correlationId, now, id, lease.owner(), lease.fence(), now);
      if (n == 0) {
        throw lost(c, id, lease, now);
      }
      return null;
    });
  }

  // ---- releases and triggers

  private static final String RELEASE = " SET lease_owner = NULL, lease_expires_at = NULL, "
      + "due_at = CASE WHEN triggered AND due_at < ? THEN due_at ELSE ? END, revision = revision + 1 "
      + "WHERE resource_id = ? AND managed AND ";

  void reschedule(String id, String owner, Instant next) {
    long at = micros(next);
    db.transaction("reschedule " + id, c -> update(c, "UPDATE " + table + RELEASE
        + "(lease_owner IS NULL OR lease_owner = ?)", at, at, id, owner));
  }

  void reschedule(String id, Lease lease, Instant next) {
    long at = micros(next);
    db.transaction("reschedule " + id, c -> {
      release(c, id, lease, at);
      return null;
    });
  }

  /**
   * Releases a claim held under a lease and sets when the resource is next due, inside a transaction: the row stays
   * held until it ends.
   *
   * @throws LeaseLostException if the lease is not held
   */
  void release(Connection c, String id, Lease lease, long at) throws SQLException {
    if (update(c, "UPDATE " + table + RELEASE + "lease_owner = ? AND fence = ?", at, at, id, lease.owner(),
        lease.fence()) == 0) {
      throw lost(c, id, lease, null);
    }
  }

  boolean trigger(String id) {
    return db.transaction("trigger a check of " + id, c -> update(c, "UPDATE " + table + " SET triggered = TRUE, "
        + "revision = revision + 1 WHERE resource_id = ? AND managed", id) == 1);
  }

  /**
   * Three lookups the indexes answer without reading the table through: an unclaimed triggered row, the earliest due
   * unclaimed row (by the due-time index, in order), the earliest lease expiry.
   */
  Optional<Instant> nextDue() {
    return db.autoCommit("read when the next check is due", c -> queryOne(c, "SELECT "
        + "(SELECT COUNT(*) FROM (SELECT resource_id FROM " + table + " WHERE managed = TRUE AND triggered = TRUE "
        + "AND lease_owner IS NULL LIMIT 1) t), "
        + "(SELECT MIN(due_at) FROM (SELECT due_at FROM " + table + " WHERE managed = TRUE AND triggered = FALSE "
        + "AND lease_owner IS NULL ORDER BY due_at LIMIT 1) d), "
        + "(SELECT MIN(lease_expires_at) FROM " + table + " WHERE managed AND lease_expires_at IS NOT NULL)",
        rs -> {
          if (rs.getInt(1) > 0) {
            return Instant.MIN;
          }
          long due = rs.getLong(2);
          boolean noDue = rs.wasNull();
          long lease = rs.getLong(3);
          boolean noLease = rs.wasNull();
          if (noDue && noLease) {
            return null;
          }
          return Database.instant(noDue ? lease : noLease ? due : Math.min(due, lease));
        }));
  }

  Optional<Instant> dueAt(String id) {
    return db.autoCommit("read when " + id + " is due", c -> queryOne(c, "SELECT due_at, lease_owner FROM " + table
        + " WHERE resource_id = ? AND managed", rs -> rs.getString(2) == null ? Database.instant(rs.getLong(1)) : null,
        id));
  }
}
