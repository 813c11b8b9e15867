package dev.keel.spinnaker.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between the attempts of a read. Tests give one that records the waits and returns at once. */
@FunctionalInterface
public interface Pause {

  /**
   * Waits in real time, as a remote service's back-off does; an interrupt ends the wait.
   */
  Pause REAL = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

  /**
   * Waits.
   *
   * @param duration how long
   * @throws InterruptedException if interrupted while waiting
   */
  void pause(Duration duration) throws InterruptedException;
}
