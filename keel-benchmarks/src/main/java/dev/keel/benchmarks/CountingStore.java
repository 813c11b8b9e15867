package dev.keel.benchmarks;

import dev.keel.engine.store.ForwardingStore;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.event.ResourceEvent;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * A store that counts finished checks (each ends with a reschedule or a completion), so a benchmark knows exactly when a sweep is
 * complete without polling. A store it wraps that is {@link AutoCloseable} is closed with it.
 */
final class CountingStore extends ForwardingStore implements AutoCloseable {

  private final KeelStore delegate;

  private volatile CountDownLatch finished = new CountDownLatch(0);
  private final java.util.concurrent.atomic.LongAdder total = new java.util.concurrent.atomic.LongAdder();

  CountingStore() {
    this(new InMemoryStore());
  }

  CountingStore(KeelStore delegate) {
    super(delegate);
    this.delegate = delegate;
  }

  void expect(int checks) {
    finished = new CountDownLatch(checks);
  }

  void await() throws InterruptedException {
    finished.await();
  }

  @Override
  public void reschedule(String resourceId, String owner, Instant next) {
    super.reschedule(resourceId, owner, next);
    total.increment();
    finished.countDown();
  }

  @Override
  public void reschedule(String resourceId, Lease lease, Instant next) {
    super.reschedule(resourceId, lease, next);
    total.increment();
    finished.countDown();
  }

  @Override
  public void completeCheck(String resourceId, Lease lease, ResourceState state, List<ResourceEvent> events,
      Instant next) {
    super.completeCheck(resourceId, lease, state, events, next);
    total.increment();
    finished.countDown();
  }

  /** How many checks finished since the store was made. */
  long finished() {
    return total.sum();
  }

  @Override
  public void close() throws Exception {
    if (delegate instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
