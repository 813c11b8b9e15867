package dev.keel.engine;

import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.internal.schedule.DeadlineCalls;
import dev.keel.engine.internal.schedule.LogContext;
import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.TaskRecord;
import dev.keel.engine.store.TaskRepository;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.actuation.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows launched tasks: every poll interval it asks each task's {@link TaskMonitor} for its status,
 * records {@code TaskSucceeded} or {@code TaskFailed} when a task completes, and has the resource checked
 * at once. A monitor that fails or hangs is logged and asked again next time; so is a store that fails. Several
 * instances sharing a store follow the same tasks, and the store's {@link TaskRepository#completeTask} lets exactly
 * one of them record each completion.
 */
final class TaskTracker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskTracker.class);

  private final TaskRepository store;
  private final Scheduler scheduler;
  private final DeadlineCalls calls;
  private final Map<String, TaskMonitor> monitors;
  private final Duration timeout;
  private final Consumer<ResourceEvent> recorder;
  private final Consumer<String> recheck;
  private Duration interval = Duration.ofSeconds(15);
  private Cancellable timer;
  private boolean closed;

  TaskTracker(TaskRepository store, Scheduler scheduler, DeadlineCalls calls, Map<String, TaskMonitor> monitors,
      Duration timeout, Consumer<ResourceEvent> recorder, Consumer<String> recheck) {
    this.store = store;
    this.scheduler = scheduler;
    this.calls = calls;
    this.monitors = Map.copyOf(monitors);
    this.timeout = timeout;
    this.recorder = recorder;
    this.recheck = recheck;
  }

  /**
   * The monitors by the task system each follows.
   *
   * @throws dev.keel.engine.config.RegistrationConflictException if two follow one system
   */
  static Map<String, TaskMonitor> bySystem(List<TaskMonitor> monitors) {
    Map<String, TaskMonitor> bySystem = new LinkedHashMap<>();
    monitors.forEach(m -> {
      TaskMonitor previous = bySystem.putIfAbsent(m.system(), m);
      if (previous != null) {
        throw new dev.keel.engine.config.RegistrationConflictException("task system", m.system(),
            previous.getClass().getName(), m.getClass().getName());
      }
    });
    return bySystem;
  }

  void interval(Duration pollInterval) {
    this.interval = pollInterval;
  }

  synchronized void start() {
    if (!closed && timer == null) {
      arm();
    }
  }

  private synchronized void arm() {
    if (!closed) {
      timer = scheduler.schedule(scheduler.clock().instant().plus(interval), this::poll);
    }
  }

  /** Polls every incomplete task once, then arms the next poll. */
  CompletableFuture<Void> poll() {
    List<TaskRecord> running;
    try {
      running = store.incompleteTasks();
    } catch (RuntimeException e) {
      LOG.warn("Could not read the running tasks from the store; trying again in {}: {}", interval, e.toString());
      arm();
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?>[] polls = running.stream().map(this::poll).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(polls).whenComplete((v, e) -> arm());
  }

  private CompletableFuture<Void> poll(TaskRecord record) {
    TaskMonitor monitor = monitors.get(record.task().system());
    if (monitor == null) {
      return CompletableFuture.completedFuture(null);
    }
    // Keyed by task: a poll that is stuck is not joined by another poll of the same task. The call's thread gets
    // this thread's MDC, with the task in it.
    CompletableFuture<TaskStatus> status;
    try (LogContext.Scope scope = logContext(record)) {
      status = calls.call(monitor, List.of(record.task().system(), record.task().id()), "task status", timeout,
          () -> monitor.status(record.task()));
    }
    return status.handle((reported, error) -> {
      try (LogContext.Scope scope = logContext(record)) {
        if (error != null || reported == null) {
          LOG.warn("Task monitor {} could not report task {}", record.task().system(), record.task().id(), error);
        } else if (reported.state().isComplete()) {
          try {
            complete(record, reported);
          } catch (RuntimeException e) {
            LOG.warn("Could not record the completion of task {}; asking again next time: {}", record.task().id(),
                e.toString());
          }
        }
      }
      return null;
    });
  }

  private static LogContext.Scope logContext(TaskRecord record) {
    return LogContext.task(record.task().id(), record.resourceId(), record.application());
  }

  private void complete(TaskRecord record, TaskStatus status) {
    Instant now = scheduler.clock().instant();
    if (!store.completeTask(record.completed(status.state(), status.reason(), now))) {
      return; // another instance recorded it
    }
    if (status.state() == TaskState.SUCCEEDED) {
      recorder.accept(new ResourceEvent.TaskSucceeded(record.resourceId(), record.application(), now, record.task()));
    } else {
      recorder.accept(new ResourceEvent.TaskFailed(record.resourceId(), record.application(), now, record.task(),
          status.reason() == null ? "no reason given" : status.reason()));
    }
    recheck.accept(record.resourceId());
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.cancel();
    }
  }
}
