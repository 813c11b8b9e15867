package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.store.TaskRecord;
import dev.keel.engine.store.TaskRepository;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link TaskRepository}: tasks newest first per resource, only running ones listed as
 * incomplete, a completion recorded once however many instances report it, and the engine's correlation id kept.
 *
 * @param <S> the store's type
 */
public abstract class TaskRepositoryContract<S extends TaskRepository> extends StoreConcernContract<S> {

  @Test
  void onlyIncompleteTasksAreListedAsIncomplete() {
    Task t1 = new Task("t1", "resize", "fake", "a");
    Task t2 = new Task("t2", "deploy", "fake", "a");
    store.saveTask(new TaskRecord(t1, "fake:thing:a", "fnord", T0, TaskState.RUNNING, null, null));
    store.saveTask(new TaskRecord(t2, "fake:thing:a", "fnord", T0.plusSeconds(1), TaskState.RUNNING, null, null));

    store.saveTask(new TaskRecord(t1, "fake:thing:a", "fnord", T0, TaskState.SUCCEEDED, null, T0.plusSeconds(5)));

    assertEquals(List.of("t2"), store.incompleteTasks().stream().map(t -> t.task().id()).collect(Collectors.toList()));
    assertEquals(List.of("t2", "t1"), store.tasks("fake:thing:a").stream().map(t -> t.task().id()).collect(Collectors.toList()));
  }

  @Test
  void aCompletionIsRecordedOnceWhoeverReportsItFirst() {
    Task t1 = new Task("t1", "resize", "fake", "a");
    TaskRecord running = new TaskRecord(t1, "fake:thing:a", "fnord", T0, TaskState.RUNNING, null, null, "fake:thing:a:0f");
    store.saveTask(running);

    assertTrue(store.completeTask(running.completed(TaskState.SUCCEEDED, null, T0.plusSeconds(5))));
    assertFalse(store.completeTask(running.completed(TaskState.FAILED, "late", T0.plusSeconds(6))));
    assertFalse(store.completeTask(new TaskRecord(new Task("t9", "none", "fake", null), "fake:thing:a", "fnord", T0,
        TaskState.SUCCEEDED, null, T0)), "an unknown task is not recorded");

    TaskRecord stored = store.tasks("fake:thing:a").get(0);
    assertEquals(TaskState.SUCCEEDED, stored.state());
    assertEquals("fake:thing:a:0f", stored.correlationId());
    assertEquals(List.of(), store.incompleteTasks());
  }
}
