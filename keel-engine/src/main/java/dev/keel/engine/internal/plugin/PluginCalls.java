package dev.keel.engine.internal.plugin;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * Runs the plugin code a load calls (a plugin's constructor and {@code start()} and {@code stop()}, an
 * extension's constructor) on a worker thread under a deadline, so that code which never returns costs the
 * loader the deadline instead of hanging it. A call that misses its deadline is interrupted and abandoned;
 * its worker is a daemon thread, so it cannot keep the JVM alive. The deadline is wall-clock time: loading
 * happens before the engine's scheduler runs, and a virtual scheduler would never let it pass.
 */
final class PluginCalls implements AutoCloseable {

  /** A call did not return within its deadline. */
  static final class DeadlineExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeadlineExceeded(Duration deadline) {
      super("did not return within the plugin start deadline of " + deadline.toMillis() + " ms");
    }
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Duration deadline;
  @Nullable private ExecutorService workers;

  PluginCalls(Duration deadline) {
    this.deadline = deadline;
  }

  /**
   * Runs plugin code and returns its result.
   *
   * @throws DeadlineExceeded if it does not return in time (it is then interrupted)
   * @throws RuntimeException or Error as the code threw it
   */
  <T> T call(Callable<T> work) {
    Future<T> future = workers().submit(work);
    try {
      return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new DeadlineExceeded(deadline);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new DeadlineExceeded(deadline);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(KeelExtensionFactory.describe(cause), cause);
    }
  }

  /** Runs plugin code that returns nothing. */
  void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  private synchronized ExecutorService workers() {
    if (workers == null) {
      workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keel-plugin-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    return workers;
  }

  /** Interrupts calls still running (abandoned ones) and lets idle workers end. */
  @Override
  public synchronized void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
