package dev.keel.testkit.spinnaker;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * Where a slow or hanging answer of a {@link FakeSpinnaker} waits: until the test opens the gate, or until a
 * real-time delay the test picked has passed. A test learns that a request reached the gate with
 * {@link #awaitArrival}, so it never needs to sleep. Closing the fake opens every gate.
 */
public final class Gate {

  /** The longest a gate without a delay holds a request, so that a forgotten gate cannot hang a build. */
  static final Duration LIMIT = Duration.ofMinutes(5);

  private final CountDownLatch open = new CountDownLatch(1);
  private final CountDownLatch arrived = new CountDownLatch(1);
  @Nullable
  private final Duration delay;

  private Gate(@Nullable Duration delay) {
    this.delay = delay;
  }

  /**
   * A closed gate, opened by {@link #open()} (or by closing the fake).
   *
   * @return the gate
   */
  public static Gate closed() {
    return new Gate(null);
  }

  /**
   * A gate that opens by itself once a real-time delay has passed after a request reached it, or earlier by
   * {@link #open()}.
   *
   * @param delay the delay
   * @return the gate
   */
  public static Gate after(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("A gate's delay must not be negative, got " + delay);
    }
    return new Gate(delay);
  }

  /** Opens the gate: every request waiting there goes on, and later ones pass at once. */
  public void open() {
    open.countDown();
  }

  /**
   * Whether the gate is open.
   *
   * @return true once opened
   */
  public boolean isOpen() {
    return open.getCount() == 0;
  }

  /**
   * Waits until a request has reached the gate.
   *
   * @param timeout how long to wait at most
   * @return true if one arrived in time
   * @throws InterruptedException if interrupted
   */
  public boolean awaitArrival(Duration timeout) throws InterruptedException {
    return arrived.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Holds the calling server thread until the gate opens or its delay passes. */
  void pass() {
    arrived.countDown();
    Duration wait = delay != null ? delay : LIMIT;
    try {
      open.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
