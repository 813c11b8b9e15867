package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.micros;
import static dev.keel.store.jdbc.Database.query;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.CheckInputs;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.store.jdbc.HistoryTables.Stored;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The two calls of a resource check that span tables, each in as few round trips as the database allows: what a
 * check (or a batch of just claimed ones) starts from in one query, and what it ends with in one transaction. On
 * PostgreSQL a check that records no events, the common case of a check that finds what the previous one found, ends
 * in one statement shared with the checks that end at the same time ({@link GroupCompletions}).
 */
final class Checks {

  private final Database db;
  private final Codec codec;
  private final ScheduleTable schedule;
  private final HistoryTables history;
  private final Tables tables;
  private final String upsertState;
  @Nullable private final GroupCompletions groupCompletions;

  Checks(Database db, Tables tables, Codec codec, ScheduleTable schedule, HistoryTables history) {
    this.db = db;
    this.codec = codec;
    this.schedule = schedule;
    this.history = history;
    this.tables = tables;
    this.upsertState = db.sql.upsert(tables.resourceState(), List.of("resource_id"), List.of("body"));
    this.groupCompletions = db.sql.claimStyle() == SqlDialect.ClaimStyle.UPDATE_RETURNING
        ? new GroupCompletions(db, tables, schedule)
        : null;
  }

  /**
   * The query of what the checks of {@code n} resources start from: one row per part, keyed by resource: r the
   * resource, s its state, p a pause of it or its application, t a running task, e and a its own and its
   * application's newest events. Columns a part does not use hold '' and 0, which every database types alike in a
   * union (NULLs would need casts that differ).
   */
  private String inputsQuery(int n) {
    String ids = Database.in(n);
    String resources = tables.resource();
    return "SELECT 'r' AS part, id AS k, delivery_config AS a, environment AS b, body AS c, version AS n FROM "
        + resources + " WHERE id IN " + ids
        + " UNION ALL SELECT 's' AS part, resource_id AS k, '' AS a, '' AS b, body AS c, 0 AS n FROM "
        + tables.resourceState() + " WHERE resource_id IN " + ids
        + " UNION ALL SELECT 'p' AS part, r.id AS k, p.pause_scope AS a, '' AS b, '' AS c, 0 AS n FROM " + tables.pause()
        + " p JOIN " + resources + " r ON (p.pause_scope = '" + PauseScope.RESOURCE.name() + "' AND p.pause_name = r.id)"
        + " OR (p.pause_scope = '" + PauseScope.APPLICATION.name() + "' AND p.pause_name = r.application) WHERE r.id IN "
        + ids
        + " UNION ALL SELECT DISTINCT 't' AS part, resource_id AS k, '' AS a, '' AS b, '' AS c, 0 AS n FROM "
        + tables.task() + " WHERE running AND resource_id IN " + ids
        + " UNION ALL SELECT 'e' AS part, resource_id AS k, event_type AS a, application AS b, body AS c, seq AS n FROM "
        + "(SELECT resource_id, event_type, application, body, seq, ROW_NUMBER() OVER (PARTITION BY resource_id "
        + "ORDER BY seq DESC) AS rn FROM " + tables.resourceEvent() + " WHERE resource_id IN " + ids + ") e WHERE rn <= ?"
        + " UNION ALL SELECT 'a' AS part, r.id AS k, ae.event_type AS a, ae.application AS b, ae.body AS c, ae.seq AS n "
        + "FROM (SELECT application, event_type, body, seq, ROW_NUMBER() OVER (PARTITION BY application ORDER BY seq "
        + "DESC) AS rn FROM " + tables.applicationEvent() + " WHERE application IN (SELECT application FROM " + resources
        + " WHERE id IN " + ids + ")) ae JOIN " + resources + " r ON r.application = ae.application WHERE ae.rn <= ? "
        + "AND r.id IN " + ids;
  }

  private record Part(String part, String key, @Nullable String a, @Nullable String b, @Nullable String c, long n) {}

  /** The sizes the query is made for, so that few statement texts are prepared: a batch is padded up to one. */
  private static final int[] SIZES = {1, 4, 16, 64};

  Map<String, CheckInputs> inputs(List<String> ids, int historyLimit) {
    Map<String, CheckInputs> result = new LinkedHashMap<>();
    int limit = Math.max(0, historyLimit);
    for (int from = 0; from < ids.size(); from += SIZES[SIZES.length - 1]) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + SIZES[SIZES.length - 1]));
      int size = SIZES[0];
      for (int candidate : SIZES) {
        size = candidate;
        if (candidate >= chunk.size()) {
          break;
        }
      }
      List<Object> padded = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        padded.add(chunk.get(Math.min(i, chunk.size() - 1))); // padded with the last id
      }
      List<Object> args = new ArrayList<>();
      for (int branch = 0; branch < 5; branch++) { // r, s, p, t, e
        args.addAll(padded);
      }
      args.add(limit);
      args.addAll(padded); // a: the applications
      args.add(limit);
      args.addAll(padded); // a: the resources they are joined to
      int n = size;
      List<Part> parts = db.autoCommit("read what the checks of " + chunk.size() + " resources start from",
          c -> query(c, inputsQuery(n), rs -> new Part(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getLong(6)), args.toArray()));
      Map<String, List<Part>> byResource = new HashMap<>();
      parts.forEach(p -> byResource.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p));
      for (String id : chunk) {
        inputs(id, byResource.getOrDefault(id, List.of()), limit).ifPresent(i -> result.put(id, i));
      }
    }
    return result;
  }

  private Optional<CheckInputs> inputs(String id, List<Part> parts, int limit) {
    Part resource = parts.stream().filter(p -> p.part().equals("r")).findFirst().orElse(null);
    if (resource == null) {
      return Optional.empty();
    }
    StoredResource stored = new StoredResource(codec.resource(id, resource.c()), resource.a(), resource.b(),
        resource.n());
    ResourceState state = parts.stream().filter(p -> p.part().equals("s")).findFirst()
        .map(p -> codec.value(p.c(), ResourceState.class)).orElseGet(() -> ResourceState.initial(id));
    boolean paused = parts.stream().anyMatch(p -> p.part().equals("p"));
    boolean running = parts.stream().anyMatch(p -> p.part().equals("t"));
    List<Stored> own = events(parts, "e");
    List<Stored> app = own.isEmpty() ? List.of() : events(parts, "a");
    List<KeelEvent> recent = history.merge(own, app, limit);
    return Optional.of(new CheckInputs(stored, state, paused, running, recent));
  }

  private static List<Stored> events(List<Part> parts, String part) {
    return parts.stream().filter(p -> p.part().equals(part)).sorted(Comparator.comparingLong(Part::n).reversed())
        .map(p -> new Stored(p.b(), p.a(), p.c())).toList();
  }

  void complete(String id, Lease lease, @Nullable ResourceState state, List<ResourceEvent> events, Instant next) {
    String stateBody = state == null ? null : codec.value(state);
    List<String> bodies = new ArrayList<>();
    events.forEach(e -> bodies.add(codec.value(e)));
    long at = micros(next);
    if (groupCompletions != null && stateBody != null && events.isEmpty()) {
      groupCompletions.complete(new GroupCompletions.Row(id, lease, at, stateBody));
      return;
    }
    db.transaction("complete the check of " + id, c -> {
      schedule.release(c, id, lease, at);
      if (stateBody != null) {
        update(c, upsertState, id, stateBody);
      }
      for (int i = 0; i < events.size(); i++) {
        history.appendResourceEvent(c, events.get(i), bodies.get(i));
      }
      return null;
    });
    events.forEach(history::appended);
  }
}
