package dev.keel.benchmarks;

import dev.keel.engine.store.ForwardingStore;
import dev.keel.engine.store.InMemoryStore;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * An {@link InMemoryStore} that counts finished checks (each ends with a reschedule), so a benchmark knows
 * exactly when a sweep is complete without polling.
 */
final class CountingStore extends ForwardingStore {

  private volatile CountDownLatch finished = new CountDownLatch(0);

  CountingStore() {
    super(new InMemoryStore());
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
    finished.countDown();
  }
}
