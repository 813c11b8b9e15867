package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keel.engine.internal.schedule.DeadlineCalls;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.actuation.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * While the engine follows a task, SLF4J's MDC names the task, the resource it was launched for and its application:
 * on the thread of the task monitor's call, in the engine's own log lines about the task and while its completion is
 * recorded; one task's entries never reach the next task's poll on the same pooled thread, and every thread is left
 * clean.
 */
class TaskLogContextTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final ExecutorService callThread = Executors.newSingleThreadExecutor();
  private final InMemoryStore store = new InMemoryStore();
  private final Map<String, Map<String, String>> seenByMonitor = new HashMap<>();
  private final Map<String, Map<String, String>> seenByRecorder = new HashMap<>();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger trackerLog = (Logger) LoggerFactory.getLogger(TaskTracker.class);

  @AfterEach
  void cleanUp() {
    trackerLog.detachAppender(logged);
    callThread.shutdownNow();
  }

  private static Map<String, String> mdc() {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    return mdc == null ? Map.of() : Map.copyOf(mdc);
  }

  /** Reports task t-1 done and fails to report t-2, noting the MDC of each call. */
  private final class RecordingMonitor implements TaskMonitor {
    @Override
    public String system() {
      return "orca";
    }

    @Override
    public TaskStatus status(Task task) {
      synchronized (seenByMonitor) {
        seenByMonitor.put(task.id(), mdc());
      }
      if (task.id().equals("t-2")) {
        throw new IllegalStateException("orca is down");
      }
      return TaskStatus.succeeded();
    }
  }

  private void launched(String taskId, String resourceId, String application) {
    store.saveTask(new TaskRecord(new Task(taskId, "deploy", "orca", null), resourceId, application, NOW,
        TaskState.RUNNING, null, null));
  }

  @Test
  void eachPollOfATaskNamesTheTaskItsResourceAndApplicationAndNothingOfTheTaskBefore() throws Exception {
    launched("t-1", "test:bucket:fnord-logs", "fnord");
    launched("t-2", "test:bucket:other-logs", "other");
    logged.start();
    trackerLog.addAppender(logged);
    CallThreadScheduler scheduler = new CallThreadScheduler(NOW, callThread);
    TaskTracker tracker = new TaskTracker(store, scheduler, new DeadlineCalls(scheduler),
        Map.of("orca", new RecordingMonitor()), Duration.ofSeconds(30), event -> {
          synchronized (seenByRecorder) {
            seenByRecorder.put(event.resourceId(), mdc());
          }
        }, id -> { });

    tracker.poll().get(30, TimeUnit.SECONDS);
    Map<String, String> callThreadAfterwards = CompletableFuture.supplyAsync(TaskLogContextTest::mdc, callThread)
        .get(30, TimeUnit.SECONDS);
    tracker.close();

    Map<String, String> first = Map.of("keel.taskId", "t-1", "keel.resourceId", "test:bucket:fnord-logs",
        "keel.application", "fnord");
    Map<String, String> second = Map.of("keel.taskId", "t-2", "keel.resourceId", "test:bucket:other-logs",
        "keel.application", "other");
    synchronized (seenByMonitor) {
      assertThat(seenByMonitor).containsOnly(Map.entry("t-1", first), Map.entry("t-2", second));
    }
    synchronized (seenByRecorder) {
      assertThat(seenByRecorder).as("while the completion is recorded")
          .containsOnly(Map.entry("test:bucket:fnord-logs", first));
    }
    assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("could not report task t-2"))
        .singleElement().satisfies(e -> assertThat(e.getMDCPropertyMap()).containsAllEntriesOf(second)
            .doesNotContainKey("keel.environment"));
    assertThat(callThreadAfterwards).as("the pooled call thread's MDC after both polls").isEmpty();
    assertThat(MDC.getCopyOfContextMap()).as("the test thread's MDC").isNullOrEmpty();
    assertThat(store.tasks("test:bucket:fnord-logs")).extracting(TaskRecord::state)
        .containsExactly(TaskState.SUCCEEDED);
  }
}
