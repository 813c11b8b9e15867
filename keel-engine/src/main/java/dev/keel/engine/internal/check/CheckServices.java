package dev.keel.engine.internal.check;

import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.diff.Differ;
import dev.keel.engine.internal.schedule.DeadlineCalls;
import dev.keel.engine.store.KeelStore;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.actuation.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * What every {@link ResourceCheck} works with, built once by the {@link ResourceChecker}.
 *
 * @param store the store
 * @param clock the engine's clock
 * @param calls the engine's extension calls
 * @param differ the differ
 * @param extensions handlers, resolvers and vetoes
 * @param giveUpPolicy the give-up policy
 * @param callTimeout the deadline of each extension call
 * @param artifacts the artifact view given to extensions
 * @param monitoredSystems the task systems some TaskMonitor follows
 * @param guard orders the last look before an actuation against pauses and vetoes
 * @param recorder where the check's events go
 */
record CheckServices(KeelStore store, Clock clock, DeadlineCalls calls, Differ differ, CheckExtensions extensions,
    GiveUpPolicy giveUpPolicy, Duration callTimeout, ArtifactView artifacts, Set<String> monitoredSystems,
    ActuationGuard guard, EventRecorder recorder) {

  /** Whether the engine follows a launched task, so that it is stored as running. */
  boolean monitors(Task task) {
    return monitoredSystems.contains(task.system());
  }
}
