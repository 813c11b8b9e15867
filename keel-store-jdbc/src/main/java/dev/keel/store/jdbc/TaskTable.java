package dev.keel.store.jdbc;

import static dev.keel.store.jdbc.Database.micros;
import static dev.keel.store.jdbc.Database.query;
import static dev.keel.store.jdbc.Database.queryOne;
import static dev.keel.store.jdbc.Database.update;

import dev.keel.engine.store.Lease;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.actuation.TaskState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Task records, by resource and task id. A record saved again keeps its place among its resource's tasks
 * (newest launch first); each resource keeps at most {@code maxEvents} completed ones, and running tasks are
 * always kept.
 */
final class TaskTable {

  private final Database db;
  private final Codec codec;
  private final ScheduleTable schedule;
  private final int maxPerResource;
  private final String tasks;
  private final String upsert;

  TaskTable(Database db, Tables tables, Codec codec, ScheduleTable schedule, int maxPerResource) {
    this.db = db;
    this.codec = codec;
    this.schedule = schedule;
    this.maxPerResource = maxPerResource;
    this.tasks = tables.task();
    this.upsert = db.sql.upsert(tasks, List.of("resource_id", "task_id"),
        List.of("application", "launched_at", "running", "body"));
  }

  void save(TaskRecord task) {
    String body = codec.value(task);
    db.transaction("save task " + task.task().id(), c -> {
      write(c, task, body);
      return null;
    });
  }

  void save(TaskRecord task, Lease lease) {
    String body = codec.value(task);
    db.transaction("save task " + task.task().id(), c -> {
      schedule.guard(c, task.resourceId(), lease);
      write(c, task, body);
      return null;
    });
  }

  /** Records a completion only while the stored record is running: one compare-and-set on {@code running}. */
  boolean complete(TaskRecord task) {
    if (task.state() == TaskState.RUNNING) {
      throw new IllegalArgumentException("Task " + task.task().id() + " is still running; pass the completed record");
    }
    String body = codec.value(task);
    return db.transaction("record the completion of task " + task.task().id(), c -> {
      if (update(c, "UPDATE " + tasks + " SET running = FALSE, body = ? WHERE resource_id = ? AND task_id = ? AND running",
          body, task.resourceId(), task.task().id()) == 0) {
        return false;
      }
      trim(c, task.resourceId());
      return true;
    });
  }

  private void write(Connection c, TaskRecord task, String body) throws SQLException {
    update(c, upsert, task.resourceId(), task.task().id(), task.application(), micros(task.launchedAt()),
        task.state() == TaskState.RUNNING, body);
    trim(c, task.resourceId());
  }

  /** Keeps the newest {@code maxPerResource} tasks of a resource, and every running one. */
  private void trim(Connection c, String resourceId) throws SQLException {
    Optional<Long> beyond = queryOne(c, "SELECT seq FROM " + tasks + " WHERE resource_id = ? ORDER BY seq DESC "
        + "LIMIT 1 OFFSET ?", rs -> rs.getLong(1), resourceId, maxPerResource);
    if (beyond.isPresent()) {
      update(c, "DELETE FROM " + tasks + " WHERE resource_id = ? AND seq <= ? AND NOT running", resourceId,
          beyond.get());
    }
  }

  List<TaskRecord> incomplete() {
    return db.autoCommit("read the incomplete tasks", c -> query(c, "SELECT body FROM " + tasks
        + " WHERE running ORDER BY launched_at, seq", rs -> codec.value(rs.getString(1), TaskRecord.class)));
  }

  List<TaskRecord> of(String resourceId) {
    return db.autoCommit("read the tasks of " + resourceId, c -> query(c, "SELECT body FROM " + tasks
        + " WHERE resource_id = ? ORDER BY seq DESC", rs -> codec.value(rs.getString(1), TaskRecord.class), resourceId));
  }
}
