package dev.keel.engine.internal.check;

import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.model.Resource;
import javax.annotation.Nullable;

/**
 * Orders the last look before an actuation against pauses and vetoes: the look and every such change
 * take one lock, held only for store reads and writes, so that once a pause or a veto has returned no
 * actuation it should stop can begin.
 */
final class ActuationGuard {

  private final KeelStore store;
  private final ActuationGate gate;
  private final Object lock = new Object();

  ActuationGuard(KeelStore store, ActuationGate gate) {
    this.store = store;
    this.gate = gate;
  }

  /**
   * What holds an actuation back at the moment it would start.
   *
   * @param paused whether the resource or its application is paused now
   * @param heldBy why the gate holds it back (a running verification, a vetoed version), or null
   */
  record Hold(boolean paused, @Nullable String heldBy) {}

  /** Reads the pause again and asks the gate (which reads the version's promotion state), under the lock. */
  Hold beforeActuation(StoredResource stored, Resource<?> resolved) {
    synchronized (lock) {
      if (isPaused(stored)) {
        return new Hold(true, null);
      }
      return new Hold(false, gate.beforeExecute(stored, resolved));
    }
  }

  /** Makes a change that must hold back actuations not yet started; it must not call extensions. */
  void change(Runnable change) {
    synchronized (lock) {
      change.run();
    }
  }

  boolean isPaused(StoredResource stored) {
    return store.pause(PauseScope.APPLICATION, stored.resource().application()).isPresent()
        || store.pause(PauseScope.RESOURCE, stored.id()).isPresent();
  }

  void afterCheck(StoredResource stored, CheckReport report, @Nullable Resource<?> resolved) {
    gate.afterCheck(stored, report, resolved);
  }
}
