package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.micros;
import static dev.keel.store.jdbc.Database.query;
import static dev.keel.store.jdbc.Database.queryOne;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.Retention;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Resource and application histories, newest first by the order of appending. Each append bounds its own
 * history at once, by count ({@link Retention#maxEvents()}) and by age ({@link Retention#maxAge()} before the
 * event), in the append's transaction. Events of a type this code does not know (written by a newer release)
 * are left out of what is read.
 */
final class HistoryTables {

  private final Database db;
  private final Codec codec;
  private final ScheduleTable schedule;
  private final Retainer retainer;
  private final String resourceEvents;
  private final String applicationEvents;

  HistoryTables(Database db, Tables tables, Codec codec, ScheduleTable schedule, Retainer retainer) {
    this.db = db;
    this.codec = codec;
    this.schedule = schedule;
    this.retainer = retainer;
    this.resourceEvents = tables.resourceEvent();
    this.applicationEvents = tables.applicationEvent();
  }

  void append(KeelEvent event) {
    if (event instanceof ResourceEvent r) {
      String body = codec.value(r);
      db.transaction("append an event of " + r.resourceId(), c -> {
        appendResourceEvent(c, r, body);
        return null;
      });
    } else if (event instanceof ApplicationEvent a) {
      String body = codec.value(a);
      db.transaction("append an event of " + a.application(), c -> {
        update(c, "INSERT INTO " + applicationEvents + " (application, occurred_at, event_type, body) VALUES (?, ?, ?, ?)",
            a.application(), micros(a.at()), Codec.eventType(a), body);
        trim(c, applicationEvents, "application", a.application(), a);
        return null;
      });
    } else {
      return; // promotion events are published, not history
    }
    retainer.advance(event.at());
  }

  /** Moves retention on to an event's time, once it is recorded. */
  void appended(KeelEvent event) {
    retainer.advance(event.at());
  }

  void append(ResourceEvent event, Lease lease) {
    String body = codec.value(event);
    db.transaction("append an event of " + event.resourceId(), c -> {
      schedule.guard(c, event.resourceId(), lease);
      appendResourceEvent(c, event, body);
      return null;
    });
    retainer.advance(event.at());
  }

  /** Appends a resource's event inside a transaction, and bounds its history. */
  void appendResourceEvent(Connection c, ResourceEvent r, String body) throws SQLException {
    update(c, "INSERT INTO " + resourceEvents + " (resource_id, application, occurred_at, event_type, body) "
        + "VALUES (?, ?, ?, ?, ?)", r.resourceId(), r.application(), micros(r.at()), Codec.eventType(r), body);
    trim(c, resourceEvents, "resource_id", r.resourceId(), r);
  }

  /** Drops what exceeds the count from the oldest end, and what is older than the maximum age before the event. */
  private void trim(Connection c, String table, String column, String key, KeelEvent appended) throws SQLException {
    Retention retention = retainer.retention();
    long beyond = queryOne(c, "SELECT seq FROM " + table + " WHERE " + column + " = ? ORDER BY seq DESC LIMIT 1 OFFSET ?",
        rs -> rs.getLong(1), key, retention.maxEvents()).orElse(Long.MIN_VALUE);
    update(c, "DELETE FROM " + table + " WHERE " + column + " = ? AND (seq <= ? OR occurred_at < ?)", key, beyond,
        micros(appended.at().minus(retention.maxAge())));
  }

  /** A stored event: its application (or resource), type and body. */
  record Stored(String application, String type, String body) {}

  List<KeelEvent> history(String id, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return db.autoCommit("read the history of " + id, c -> {
      List<Stored> own = query(c, "SELECT application, event_type, body FROM " + resourceEvents
          + " WHERE resource_id = ? ORDER BY seq DESC LIMIT ?", rs -> new Stored(rs.getString(1), rs.getString(2),
              rs.getString(3)), id, limit);
      List<Stored> app = own.isEmpty() ? List.of() : query(c, "SELECT application, event_type, body FROM "
          + applicationEvents + " WHERE application = ? ORDER BY seq DESC LIMIT ?", rs -> new Stored(rs.getString(1),
              rs.getString(2), rs.getString(3)), own.get(0).application(), limit);
      return merge(own, app, limit);
    });
  }

  /** The resource's and its application's events, newest first, the resource's first at equal times. */
  List<KeelEvent> merge(List<Stored> own, List<Stored> app, int limit) {
    Iterator<ResourceEvent> r = own.stream().flatMap(s -> codec.resourceEvent(s.type(), s.body()).stream()).iterator();
    Iterator<ApplicationEvent> a = app.stream().flatMap(s -> codec.applicationEvent(s.type(), s.body()).stream())
        .iterator();
    List<KeelEvent> merged = new ArrayList<>();
    ResourceEvent nextR = r.hasNext() ? r.next() : null;
    ApplicationEvent nextA = a.hasNext() ? a.next() : null;
    while ((nextR != null || nextA != null) && merged.size() < limit) {
      if (nextA == null || (nextR != null && !nextR.at().isBefore(nextA.at()))) {
        merged.add(nextR);
        nextR = r.hasNext() ? r.next() : null;
      } else {
        merged.add(nextA);
        nextA = a.hasNext() ? a.next() : null;
      }
    }
    return merged;
  }

  Optional<ResourceEvent> last(String id) {
    return db.autoCommit("read the last event of " + id, c -> {
      for (Stored s : query(c, "SELECT application, event_type, body FROM " + resourceEvents
          + " WHERE resource_id = ? ORDER BY seq DESC LIMIT 5", rs -> new Stored(rs.getString(1), rs.getString(2),
              rs.getString(3)), id)) {
        Optional<ResourceEvent> e = codec.resourceEvent(s.type(), s.body());
        if (e.isPresent()) {
          return e;
        }
      }
      return Optional.empty();
    });
  }
}
