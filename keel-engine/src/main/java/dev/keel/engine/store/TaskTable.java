package dev.keel.engine.store;

import dev.keel.spi.actuation.TaskState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The task records of {@link InMemoryStore}. Thread-safe: its monitor guards it. */
final class TaskTable {

  private final Map<String, Deque<TaskRecord>> byResource = new HashMap<>();
  private final Map<String, TaskRecord> incomplete = new LinkedHashMap<>();

  synchronized void save(TaskRecord task, int maxPerResource) {
    Deque<TaskRecord> own = byResource.computeIfAbsent(task.resourceId(), k -> new ArrayDeque<>());
    List<TaskRecord> ordered = new ArrayList<>(own);
    int at = -1;
    for (int i = 0; i < ordered.size() && at < 0; i++) {
      at = ordered.get(i).task().id().equals(task.task().id()) ? i : -1;
    }
    if (at >= 0) {
      ordered.set(at, task); // an update keeps the task's place among the newest-first launches
      own.clear();
      own.addAll(ordered);
    } else {
      own.addFirst(task);
      while (own.size() > maxPerResource) {
        own.removeLast();
      }
    }
    if (task.state() == TaskState.RUNNING) {
      incomplete.put(task.task().id(), task);
    } else {
      incomplete.remove(task.task().id());
    }
  }

  synchronized boolean isRunning(String taskId) {
    return incomplete.containsKey(taskId);
  }

  synchronized List<TaskRecord> incomplete() {
    return incomplete.values().stream().sorted(Comparator.comparing(TaskRecord::launchedAt)).collect(Collectors.toList());
  }

  synchronized List<TaskRecord> of(String resourceId) {
    Deque<TaskRecord> own = byResource.get(resourceId);
    return own == null ? List.of() : List.copyOf(own);
  }

  /** Drops every task of a resource, incomplete ones included: nothing will follow them any more. */
  synchronized void forget(String resourceId) {
    byResource.remove(resourceId);
    incomplete.values().removeIf(t -> t.resourceId().equals(resourceId));
  }

  /** Drops completed tasks launched before the cutoff. */
  synchronized void trimOlderThan(Instant cutoff) {
    byResource.values().forEach(d -> d.removeIf(t -> t.state() != TaskState.RUNNING && t.launchedAt().isBefore(cutoff)));
    byResource.values().removeIf(Deque::isEmpty);
  }

  synchronized Set<String> resourceIds() {
    return Set.copyOf(byResource.keySet());
  }

  synchronized int size() {
    return byResource.values().stream().mapToInt(Deque::size).sum();
  }
}
