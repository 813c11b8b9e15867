package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.query;
import static dev.keel.store.jdbc.Database.queryOne;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.Pin;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.VerificationState;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Promotion state per environment and artifact: promotion records, constraint and verification states, pins and
 * the approval queue, each keyed by the config, environment and artifact reference it belongs to, so that a
 * deleted config's state is forgotten by one key.
 */
final class PromotionTables {

  private static final String WHERE = "delivery_config = ? AND environment = ? AND artifact = ?";
  private static final List<String> SCOPE = List.of("delivery_config", "environment", "artifact");

  private final Database db;
  private final Codec codec;
  private final Tables t;
  private final String upsertPromotion;
  private final String upsertConstraint;
  private final String upsertVerification;
  private final String upsertPin;

  PromotionTables(Database db, Tables tables, Codec codec) {
    this.db = db;
    this.codec = codec;
    this.t = tables;
    this.upsertPromotion = db.sql.upsert(tables.promotion(), keys("version"), List.of("body"));
    this.upsertConstraint = db.sql.upsert(tables.constraintState(), keys("version", "constraint_type"), List.of("body"));
    this.upsertVerification = db.sql.upsert(tables.verificationState(), keys("version", "verification_id"),
        List.of("body"));
    this.upsertPin = db.sql.upsert(tables.pin(), SCOPE, List.of("body"));
  }

  private static List<String> keys(String... more) {
    List<String> keys = new java.util.ArrayList<>(SCOPE);
    keys.addAll(List.of(more));
    return keys;
  }

  private static Object[] scope(EnvironmentArtifact where, Object... more) {
    Object[] args = new Object[3 + more.length];
    args[0] = where.deliveryConfig();
    args[1] = where.environment();
    args[2] = where.artifactReference();
    System.arraycopy(more, 0, args, 3, more.length);
    return args;
  }

  List<PromotionRecord> promotions(EnvironmentArtifact where) {
    return db.autoCommit("read the promotions of " + where, c -> query(c, "SELECT body FROM " + t.promotion()
        + " WHERE " + WHERE, rs -> codec.value(rs.getString(1), PromotionRecord.class), scope(where)));
  }

  void savePromotions(List<PromotionRecord> records) {
    List<String> bodies = records.stream().map(codec::value).toList();
    db.transaction("save promotion records", c -> {
      for (int i = 0; i < records.size(); i++) {
        PromotionRecord r = records.get(i);
        update(c, upsertPromotion, scope(r.where(), r.version(), bodies.get(i)));
      }
      return null;
    });
  }

  List<ConstraintState> constraintStates(EnvironmentArtifact where, String version) {
    return db.autoCommit("read the constraint states of " + where + " " + version, c -> query(c, "SELECT body FROM "
        + t.constraintState() + " WHERE " + WHERE + " AND version = ?",
        rs -> codec.value(rs.getString(1), ConstraintState.class), scope(where, version)));
  }

  void saveConstraintState(ConstraintState state) {
    String body = codec.value(state);
    db.autoCommit("save a constraint state of " + state.where(), c -> update(c, upsertConstraint,
        scope(state.where(), state.version(), state.type(), body)));
  }

  Optional<Pin> pin(EnvironmentArtifact where) {
    return db.autoCommit("read the pin of " + where, c -> queryOne(c, "SELECT body FROM " + t.pin() + " WHERE " + WHERE,
        rs -> codec.value(rs.getString(1), Pin.class), scope(where)));
  }

  void savePin(Pin pin) {
    String body = codec.value(pin);
    db.autoCommit("save the pin of " + pin.where(), c -> update(c, upsertPin, scope(pin.where(), body)));
  }

  boolean removePin(EnvironmentArtifact where) {
    return db.autoCommit("remove the pin of " + where, c -> update(c, "DELETE FROM " + t.pin() + " WHERE " + WHERE,
        scope(where)) > 0);
  }

  List<VerificationState> verificationStates(EnvironmentArtifact where) {
    return db.autoCommit("read the verification states of " + where, c -> query(c, "SELECT body FROM "
        + t.verificationState() + " WHERE " + WHERE, rs -> codec.value(rs.getString(1), VerificationState.class),
        scope(where)));
  }

  void saveVerificationState(VerificationState state) {
    String body = codec.value(state);
    db.autoCommit("save a verification state of " + state.where(), c -> update(c, upsertVerification,
        scope(state.where(), state.version(), state.verificationId(), body)));
  }

  void queueForApproval(EnvironmentArtifact where, String version) {
    db.autoCommit("queue " + version + " for approval in " + where, c -> {
      try {
        return update(c, "INSERT INTO " + t.approvalQueue() + " (delivery_config, environment, artifact, version) "
            + "VALUES (?, ?, ?, ?)", scope(where, version));
      } catch (SQLException e) {
        if (db.sql.isUniqueViolation(e)) {
          return 0; // queued already
        }
        throw e;
      }
    });
  }

  List<String> approvalQueue(EnvironmentArtifact where) {
    return db.autoCommit("read the approval queue of " + where, c -> query(c, "SELECT version FROM " + t.approvalQueue()
        + " WHERE " + WHERE + " ORDER BY seq", rs -> rs.getString(1), scope(where)));
  }

  void dequeueApproval(EnvironmentArtifact where, String version) {
    db.autoCommit("take " + version + " off the approval queue of " + where, c -> update(c, "DELETE FROM "
        + t.approvalQueue() + " WHERE " + WHERE + " AND version = ?", scope(where, version)));
  }
}
