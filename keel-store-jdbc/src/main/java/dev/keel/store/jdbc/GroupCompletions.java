package dev.keel.store.jdbc;

import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Group commit of the common end of a check on PostgreSQL: release the lease, set when the resource is next due and
 * save its state, with no events to record. Checks that end while others are being written wait and are written
 * together, in one statement over arrays, so that a thousand checks a second cost tens of statements rather than a
 * thousand; one check alone is written at once, as before. Each row is still conditional on its own lease and fence:
 * a check whose lease was lost gets its {@link LeaseLostException}, and the others in its group are written.
 *
 * <p>At most {@link #WRITERS} groups are written at once, each by the thread of one of the checks in it; the other
 * checks' threads wait for their row's outcome. A group that fails (the database is down) fails every check in it,
 * which the engine retries like any failed check.
 */
final class GroupCompletions {

  /** Groups written at once: enough to keep a pool's connections busy without taking all of them. */
  static final int WRITERS = 3;
  /** Rows per statement at most; a longer queue is written in several. */
  static final int MAX_GROUP = 256;

  /** One check's end, waiting to be written. */
  record Row(String resourceId, Lease lease, long nextDue, String stateBody) {}

  private static final class Pending {
    final Row row;
    final CompletableFuture<Void> outcome = new CompletableFuture<>();

    Pending(Row row) {
      this.row = row;
    }
  }

  private final Database db;
  private final ScheduleTable schedule;
  private final String statement;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final Semaphore writers = new Semaphore(WRITERS);

  GroupCompletions(Database db, Tables tables, ScheduleTable schedule) {
    this.db = db;
    this.schedule = schedule;
    this.statement = "WITH input AS (SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[]) "
        + "AS i (resource_id, lease_owner, fence, due_at, body)), released AS (UPDATE " + tables.checkSchedule()
        + " AS s SET lease_owner = NULL, lease_expires_at = NULL, due_at = CASE WHEN s.triggered AND s.due_at < "
        + "i.due_at THEN s.due_at ELSE i.due_at END, revision = s.revision + 1 FROM input i WHERE s.resource_id = "
        + "i.resource_id AND s.managed AND s.lease_owner = i.lease_owner AND s.fence = i.fence RETURNING s.resource_id)"
        + " INSERT INTO " + tables.resourceState() + " (resource_id, body) SELECT i.resource_id, i.body FROM input i "
        + "JOIN released r ON r.resource_id = i.resource_id ON CONFLICT (resource_id) DO UPDATE SET body = EXCLUDED.body"
        + " RETURNING resource_id";
  }

  /**
   * Writes one check's end, with the ends of the checks that finish meanwhile.
   *
   * @throws LeaseLostException if the check's lease is no longer held
   * @throws JdbcStoreException if the database failed
   */
  void complete(Row row) {
    Pending mine = new Pending(row);
    queue.add(mine);
    try {
      writers.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (queue.remove(mine)) {
        throw new JdbcStoreException("Interrupted before the check of " + row.resourceId() + " was completed; "
            + "nothing was written", null);
      }
      outcome(mine); // already taken by a writer: its outcome is what happened
      return;
    }
    try {
      if (!mine.outcome.isDone()) {
        List<Pending> group = new ArrayList<>();
        for (Pending p; (p = queue.poll()) != null; ) {
          group.add(p);
        }
        for (int from = 0; from < group.size(); from += MAX_GROUP) {
          write(group.subList(from, Math.min(group.size(), from + MAX_GROUP)));
        }
      }
    } finally {
      writers.release();
    }
    // Done by this thread, or taken from the queue by another writer before this one started: wait for it.
    outcome(mine);
  }

  private void write(List<Pending> group) {
    try {
      Set<String> released = db.autoCommit("complete the checks of " + group.size() + " resource(s)", c -> {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(statement)) {
          ps.setArray(1, array(c, "text", group.stream().map(p -> p.row.resourceId()).toArray()));
          ps.setArray(2, array(c, "text", group.stream().map(p -> p.row.lease().owner()).toArray()));
          ps.setArray(3, array(c, "bigint", group.stream().map(p -> p.row.lease().fence()).toArray()));
          ps.setArray(4, array(c, "bigint", group.stream().map(p -> p.row.nextDue()).toArray()));
          ps.setArray(5, array(c, "text", group.stream().map(p -> p.row.stateBody()).toArray()));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
        }
        return ids;
      });
      for (Pending p : group) {
        if (released.contains(p.row.resourceId())) {
          p.outcome.complete(null);
        } else {
          p.outcome.completeExceptionally(lost(p.row));
        }
      }
    } catch (RuntimeException | Error e) {
      group.forEach(p -> p.outcome.completeExceptionally(e));
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  private static Array array(Connection c, String type, Object[] values) throws SQLException {
    return c.createArrayOf(type, values);
  }

  /** Why a row was not written, read from the schedule: the lease is no longer held. */
  private RuntimeException lost(Row row) {
    try {
      return db.autoCommit("read why the check of " + row.resourceId() + " could not complete",
          c -> schedule.lost(c, row.resourceId(), row.lease(), null));
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static void outcome(Pending p) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          p.outcome.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true; // the row is being written: wait for what happened to it
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof JdbcStoreException failed) { // shared by the group: say which check it failed
            throw new JdbcStoreException("Could not complete the check of " + p.row.resourceId() + ": "
                + failed.getMessage(), failed);
          }
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new JdbcStoreException("Could not complete the check of " + p.row.resourceId(), cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
