package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.engine.store.TaskRecord;
import dev.keel.engine.store.TaskRepository;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link TaskRepository}: tasks newest first per resource, and only running ones
 * listed as incomplete.
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
}
