package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.query;
import static dev.keel.store.jdbc.Database.queryOne;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.engine.store.ConfigConflictException;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StatusOutline;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.SubmitResult;
import dev.keel.engine.store.SubmittedDocument;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Delivery configs, the resources they declare, and each resource's state. Storing a config is one transaction
 * that also changes the check schedule and the removal marks: the config's row is updated (or inserted) first,
 * which serialises submissions of one config; unique keys on the config's name and application and on resource
 * ids refuse a concurrent clash, after which the transaction runs again and reports it.
 */
final class ConfigTables {

  private static final int IN_CHUNK = 500;

  private final Database db;
  private final Codec codec;
  private final ScheduleTable schedule;
  private final Retainer retainer;
  private final String configs;
  private final String resources;
  private final String states;
  private final String upsertState;

  ConfigTables(Database db, Tables tables, Codec codec, ScheduleTable schedule, Retainer retainer) {
    this.db = db;
    this.codec = codec;
    this.schedule = schedule;
    this.retainer = retainer;
    this.configs = tables.deliveryConfig();
    this.resources = tables.resource();
    this.states = tables.resourceState();
    this.upsertState = db.sql.upsert(states, List.of("resource_id"), List.of("body"));
  }

  private record Existing(String id, String config, String environment, long version, String body) {}

  SubmitResult store(DeliveryConfig config, @Nullable SubmittedDocument document, Instant at) {
    String body = codec.config(config);
    try {
      codec.config(config.name(), body);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("Delivery config '" + config.name() + "' cannot be stored: " + e.getMessage(), e);
    }
    Map<String, String> bodies = new HashMap<>();
    config.resources().forEach(r -> bodies.put(r.id(), codec.resource(r)));
    Instant markAt = retainer.advanceTo(at);
    long atMicros = Database.micros(at);
    SubmitResult result = db.transactionRetryingDuplicates("store delivery config " + config.name(), c -> {
      checkConflicts(c, config);
      String sourceName = document == null ? null : document.sourceName();
      String sourceText = document == null ? null : document.text();
      if (update(c, "UPDATE " + configs + " SET application = ?, body = ?, updated_at = ?, revision = revision + 1, "
          + "source_name = ?, source_text = ? WHERE name = ?", config.application(), body, atMicros, sourceName,
          sourceText, config.name()) == 0) {
        update(c, "INSERT INTO " + configs + " (name, application, revision, updated_at, body, source_name, source_text) "
            + "VALUES (?, ?, 1, ?, ?, ?, ?)", config.name(), config.application(), atMicros, body, sourceName, sourceText);
      }
      Map<String, Existing> existing = new HashMap<>();
      query(c, "SELECT id, delivery_config, environment, version, body FROM " + resources + " WHERE delivery_config = ?",
          rs -> new Existing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)),
          config.name()).forEach(e -> existing.put(e.id(), e));
      Set<String> created = new HashSet<>();
      Set<String> updated = new HashSet<>();
      Set<String> unchanged = new HashSet<>();
      for (Environment env : config.environments()) {
        for (Resource<?> r : env.resources()) {
          store(c, config, env, r, bodies.get(r.id()), existing.remove(r.id()), atMicros, created, updated, unchanged);
        }
      }
      for (String gone : existing.keySet()) {
        unmanage(c, gone, markAt);
      }
      retainer.cancel(c, Retainer.CONFIG, config.name());
      retainer.cancel(c, Retainer.APPLICATION, config.application());
      return new SubmitResult(created, updated, existing.keySet(), unchanged);
    });
    retainer.advance(at);
    return result;
  }

  private void store(Connection c, DeliveryConfig config, Environment env, Resource<?> r, String body, Existing old,
      long at, Set<String> created, Set<String> updated, Set<String> unchanged) throws SQLException {
    String id = r.id();
    if (old == null) {
      update(c, "INSERT INTO " + resources + " (id, delivery_config, environment, application, kind, version, body) "
          + "VALUES (?, ?, ?, ?, ?, 1, ?)", id, config.name(), env.name(), r.application(), r.kind().toString(), body);
      update(c, "DELETE FROM " + states + " WHERE resource_id = ?", id); // a state saved while it was removed
      schedule.created(c, id, at);
      retainer.cancel(c, Retainer.RESOURCE, id);
      created.add(id);
    } else if (!codec.resource(id, old.body()).equals(r) || !old.environment().equals(env.name())) {
      update(c, "UPDATE " + resources + " SET environment = ?, application = ?, kind = ?, version = ?, body = ? "
          + "WHERE id = ?", env.name(), r.application(), r.kind().toString(), old.version() + 1, body, id);
      schedule.changed(c, id);
      updated.add(id);
    } else {
      if (!old.body().equals(body)) {
        // Metadata may change without a new version; keep the newest.
        update(c, "UPDATE " + resources + " SET body = ? WHERE id = ?", body, id);
      }
      unchanged.add(id);
    }
  }

  private void unmanage(Connection c, String id, Instant at) throws SQLException {
    update(c, "DELETE FROM " + resources + " WHERE id = ?", id);
    update(c, "DELETE FROM " + states + " WHERE resource_id = ?", id);
    schedule.unmanaged(c, id);
    retainer.mark(c, Retainer.RESOURCE, id, at);
  }

  /** Refuses a config that clashes with another, before anything is written. */
  private void checkConflicts(Connection c, DeliveryConfig config) throws SQLException {
    for (List<String> row : query(c, "SELECT name, application FROM " + configs + " WHERE name = ? OR application = ?",
        rs -> List.of(rs.getString(1), rs.getString(2)), config.name(), config.application())) {
      String name = row.get(0);
      String application = row.get(1);
      if (name.equals(config.name()) && !application.equals(config.application())) {
        throw new ConfigConflictException("Delivery config name '" + config.name() + "' is used by application '"
            + application + "'; choose another name");
      }
      if (application.equals(config.application()) && !name.equals(config.name())) {
        throw new ConfigConflictException("Application '" + config.application() + "' already has delivery config '"
            + name + "'; an application has one config: keep its name or delete it first");
      }
    }
    List<String> ids = config.resources().map(Resource::id).toList();
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      for (List<String> row : query(c, "SELECT id, delivery_config FROM " + resources + " WHERE id IN "
          + Database.in(chunk.size()), rs -> List.of(rs.getString(1), rs.getString(2)), chunk.toArray())) {
        if (!row.get(1).equals(config.name())) {
          throw new ConfigConflictException("Resource " + row.get(0) + " is already managed by delivery config '"
              + row.get(1) + "'; a resource can be managed by one config only");
        }
      }
    }
  }

  /** The document a stored config was submitted as; empty if it is not stored or was stored without one. */
  Optional<SubmittedDocument> document(String name) {
    return db.autoCommit("read the submitted document of " + name, c -> queryOne(c, "SELECT source_name, source_text FROM "
        + configs + " WHERE name = ? AND source_text IS NOT NULL", rs -> new SubmittedDocument(rs.getString(1),
        rs.getString(2)), name));
  }

  List<String> delete(String name) {
    Instant at = retainer.time();
    return db.transaction("delete delivery config " + name, c -> {
      Optional<String> application = queryOne(c, "SELECT application FROM " + configs + " WHERE name = ?",
          rs -> rs.getString(1), name);
      if (application.isEmpty() || update(c, "DELETE FROM " + configs + " WHERE name = ?", name) == 0) {
        return List.of();
      }
      List<String> ids = query(c, "SELECT id FROM " + resources + " WHERE delivery_config = ?", rs -> rs.getString(1),
          name);
      for (String id : ids) {
        unmanage(c, id, at);
      }
      retainer.mark(c, Retainer.CONFIG, name, at);
      if (queryOne(c, "SELECT name FROM " + configs + " WHERE application = ?", rs -> rs.getString(1),
          application.get()).isEmpty()) {
        retainer.mark(c, Retainer.APPLICATION, application.get(), at);
      }
      return ids.stream().sorted().toList();
    });
  }

  Optional<DeliveryConfig> config(String name) {
    return db.autoCommit("read delivery config " + name, c -> queryOne(c, "SELECT body FROM " + configs
        + " WHERE name = ?", rs -> rs.getString(1), name)).map(body -> codec.config(name, body));
  }

  Optional<DeliveryConfig> configForApplication(String application) {
    return db.autoCommit("read the delivery config of " + application, c -> queryOne(c, "SELECT name, body FROM "
        + configs + " WHERE application = ?", rs -> List.of(rs.getString(1), rs.getString(2)), application))
        .map(row -> codec.config(row.get(0), row.get(1)));
  }

  List<DeliveryConfig> configs() {
    Map<String, String> bodies = new LinkedHashMap<>();
    db.autoCommit("read the delivery configs", c -> query(c, "SELECT name, body FROM " + configs,
        rs -> bodies.put(rs.getString(1), rs.getString(2))));
    return bodies.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> codec.config(e.getKey(), e.getValue())).toList();
  }

  /** The outline of every stored config, by name, from the rows as they are: no spec is decoded. */
  List<StatusOutline> outlines() {
    Map<String, String> bodies = new TreeMap<>();
    Map<String, Map<String, String>> resourceBodies = new HashMap<>();
    db.autoCommit("read the delivery configs' outlines", c -> {
      query(c, "SELECT name, body FROM " + configs, rs -> bodies.put(rs.getString(1), rs.getString(2)));
      return query(c, "SELECT id, delivery_config, body FROM " + resources, rs -> resourceBodies
          .computeIfAbsent(rs.getString(2), k -> new HashMap<>()).put(rs.getString(1), rs.getString(3)));
    });
    return bodies.entrySet().stream().map(e -> codec.outline(e.getKey(), e.getValue(),
        resourceBodies.getOrDefault(e.getKey(), Map.of()))).toList();
  }

  private StoredResource stored(Existing e) {
    return new StoredResource(codec.resource(e.id(), e.body()), e.config(), e.environment(), e.version());
  }

  private static final String RESOURCE_COLUMNS = "id, delivery_config, environment, version, body";

  private static Existing existing(java.sql.ResultSet rs) throws SQLException {
    return new Existing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5));
  }

  Optional<StoredResource> resource(String id) {
    return db.autoCommit("read resource " + id, c -> queryOne(c, "SELECT " + RESOURCE_COLUMNS + " FROM " + resources
        + " WHERE id = ?", ConfigTables::existing, id)).map(this::stored);
  }

  List<StoredResource> resources() {
    List<Existing> rows = db.autoCommit("read the resources", c -> query(c, "SELECT " + RESOURCE_COLUMNS + " FROM "
        + resources, ConfigTables::existing));
    List<StoredResource> result = new ArrayList<>();
    rows.stream().sorted(Comparator.comparing(Existing::id)).forEach(e -> result.add(stored(e)));
    return result;
  }

  ResourceState state(String id) {
    return db.autoCommit("read the state of " + id, c -> queryOne(c, "SELECT body FROM " + states
        + " WHERE resource_id = ?", rs -> rs.getString(1), id))
        .map(body -> codec.value(body, ResourceState.class)).orElseGet(() -> ResourceState.initial(id));
  }

  /** Saves the state of a managed resource; a resource no longer managed keeps none. */
  void saveState(ResourceState state) {
    String body = codec.value(state);
    db.transaction("save the state of " + state.resourceId(), c -> {
      if (queryOne(c, "SELECT id FROM " + resources + " WHERE id = ?", rs -> rs.getString(1), state.resourceId())
          .isPresent()) {
        update(c, upsertState, state.resourceId(), body);
      }
      return null;
    });
  }

  void saveState(ResourceState state, Lease lease) {
    String body = codec.value(state);
    db.transaction("save the state of " + state.resourceId(), c -> {
      schedule.guard(c, state.resourceId(), lease);
      update(c, upsertState, state.resourceId(), body);
      return null;
    });
  }
}
