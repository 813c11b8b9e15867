package dev.keel.engine.check;

import java.time.Duration;

/**
 * Told what the engine's check loop does that its events do not say: how long each check took and how it ended, and
 * how long each claim of due checks from the store took. For metrics: register one with
 * {@code KeelEngine.observeChecks}, and read the depth of the check queue from {@code KeelEngine.checksWaiting()} and
 * {@code KeelEngine.checksRunning()}.
 *
 * <p>Called on the engine's threads, right after the fact, so an observer must be quick and thread-safe. An observer
 * that throws is logged and otherwise ignored: it never disturbs a check, nor the other observers.
 */
public interface CheckObserver {

  /**
   * A check of a resource ended, whatever the outcome.
   *
   * @param check the resource, its kind, the outcome and how long the check took
   */
  default void checkFinished(FinishedCheck check) {}

  /**
   * The engine asked the store for due checks.
   *
   * @param latency how long the store's claim call took, on the engine's clock
   * @param claimed how many checks it claimed
   * @param failed whether the call failed (the store was unreachable, say); then nothing was claimed
   */
  default void claimed(Duration latency, int claimed, boolean failed) {}

  /** Ends an observer's registration. */
  interface Registration extends AutoCloseable {
    /** Stops telling the observer; idempotent. */
    @Override
    void close();
  }
}
