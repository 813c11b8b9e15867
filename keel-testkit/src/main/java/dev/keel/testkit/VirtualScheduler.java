package dev.keel.testkit;

import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduler on virtual time. Timers fire only when the test advances the clock; work runs on real
 * threads, and the scheduler knows exactly when all of it has finished (or is parked waiting for virtual
 * time), so {@link #runUntilIdle()} and {@link #advance(Duration)} are deterministic without any
 * real-time waiting.
 *
 * <p>Code that must wait for virtual time, such as a fake cloud call that takes 20 ms, calls
 * {@link #sleep(Duration)}; code that blocks for another reason (a hanging fake) wraps the wait in
 * {@link #parked(Blocking)} so the scheduler can tell "idle" from "busy".
 */
public final class VirtualScheduler implements Scheduler {

  private final VirtualClock clock;
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final ExecutorService threads;
  private final Object monitor = new Object();
  private final AtomicInteger threadNames = new AtomicInteger();
  private final ThreadLocal<Boolean> worker = ThreadLocal.withInitial(() -> false);
  private final java.util.List<Runnable> deferred = new java.util.ArrayList<>();
  private final java.util.Map<Thread, Boolean> parkedThreads = new java.util.HashMap<>();
  private int busy;
  private int parked;
  private long sequence;
  private Throwable failure;

  private static final class Timer implements Comparable<Timer> {
    final Instant at;
    final long seq;
    final Runnable task;
    volatile boolean cancelled;

    Timer(Instant at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public int compareTo(Timer o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /**
   * A blocking wait that the scheduler should treat as idle.
   */
  @FunctionalInterface
  public interface Blocking {
    /**
     * Waits.
     *
     * @throws InterruptedException if interrupted, such as by the engine abandoning a call at its deadline
     */
    void await() throws InterruptedException;
  }

  /**
   * A scheduler whose clock starts at an instant.
   *
   * @param start the initial virtual time
   */
  public VirtualScheduler(Instant start) {
    this.clock = new VirtualClock(start);
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "virtual-" + threadNames.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /**
   * The virtual time.
   *
   * @return now
   */
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    Timer timer;
    synchronized (monitor) {
      timer = new Timer(at, sequence++, task);
      timers.add(timer);
    }
    return () -> timer.cancelled = true;
  }

  @Override
  public Executor executor() {
    return this::submit;
  }

  /**
   * Work submitted by the test's own thread waits until the test next lets time run, so that everything
   * the test does between two {@link #runUntilIdle()} or {@link #advance} calls happens at once, as far
   * as the engine can tell. Work submitted by work runs at once.
   */
  private void submit(Runnable task) {
    if (!worker.get()) {
      synchronized (monitor) {
        deferred.add(task);
      }
      return;
    }
    start(task);
  }

  private void start(Runnable task) {
    synchronized (monitor) {
      busy++;
    }
    threads.execute(() -> {
      worker.set(true);
      try {
        task.run();
      } catch (Throwable t) {
        synchronized (monitor) {
          if (failure == null) {
            failure = t;
          }
        }
      } finally {
        synchronized (monitor) {
          busy--;
          monitor.notifyAll();
        }
      }
    });
  }

  /**
   * Runs a wait that only virtual time or the test can end, counting the thread as idle meanwhile.
   *
   * @param wait the wait
   * @throws InterruptedException if the wait was interrupted
   */
  public void parked(Blocking wait) throws InterruptedException {
    Thread self = Thread.currentThread();
    synchronized (monitor) {
      parked++;
      parkedThreads.put(self, Boolean.FALSE);
      monitor.notifyAll();
    }
    try {
      wait.await();
    } finally {
      synchronized (monitor) {
        if (parkedThreads.remove(self) != Boolean.TRUE) {
          parked--; // not already counted busy by interrupt()
        }
        monitor.notifyAll();
      }
    }
  }

  /**
   * A latch for a test to hold work on and let it go: {@link Hold#await()} parks the calling worker, and
   * {@link Hold#release()} counts the held threads busy again before waking them, so that a
   * {@link #runUntilIdle()} right after the release waits for them.
   *
   * @return a new hold, closed
   */
  public Hold hold() {
    return new Hold();
  }

  /** See {@link #hold()}. */
  public final class Hold {
    private final CountDownLatch latch = new CountDownLatch(1);
    private final java.util.Set<Thread> waiting = new java.util.HashSet<>();

    private Hold() {}

    /**
     * Parks the calling worker until released.
     *
     * @throws InterruptedException if interrupted meanwhile
     */
    public void await() throws InterruptedException {
      synchronized (monitor) {
        if (latch.getCount() == 0) {
          return;
        }
        waiting.add(Thread.currentThread());
      }
      try {
        parked(latch::await);
      } finally {
        synchronized (monitor) {
          waiting.remove(Thread.currentThread());
        }
      }
    }

    /** Lets every held thread go, counting each busy at once. */
    public void release() {
      synchronized (monitor) {
        for (Thread t : waiting) {
          if (parkedThreads.replace(t, Boolean.FALSE, Boolean.TRUE)) {
            parked--;
          }
        }
        latch.countDown();
      }
    }
  }

  /**
   * Counts a parked thread as busy from the moment the engine interrupts it, so that time does not move on
   * while the interrupted call is still returning. A wait that ignores the interrupt should park again.
   */
  @Override
  public void interrupt(Thread thread) {
    synchronized (monitor) {
      if (parkedThreads.replace(thread, Boolean.FALSE, Boolean.TRUE)) {
        parked--;
      }
    }
    thread.interrupt();
  }

  /**
   * Waits for a call, counting the waiting worker as idle until the call completes. The count is given
   * back by the thread that completes the call, before that thread's task ends, so the scheduler never
   * sees a moment when both look idle. On the test's own thread the waiting runs the engine's work until
   * the call is done, moving virtual time on to the next timer (such as a call deadline) while it is not.
   */
  @Override
  public <T> T await(CompletableFuture<T> call) throws ExecutionException, InterruptedException {
    if (!worker.get()) {
      runUntilIdle();
      while (!call.isDone()) {
        Instant next = nextTimer();
        if (next == null) {
          throw new IllegalStateException("the awaited call cannot finish: nothing runs and no timer is set");
        }
        advanceTo(next.isBefore(clock.instant()) ? clock.instant() : next);
      }
      return call.get();
    }
    if (call.isDone()) {
      return call.get();
    }
    AtomicBoolean waiting = new AtomicBoolean(true);
    CountDownLatch done = new CountDownLatch(1);
    synchronized (monitor) {
      parked++;
      monitor.notifyAll();
    }
    Runnable unpark = () -> {
      if (waiting.compareAndSet(true, false)) {
        synchronized (monitor) {
          parked--;
          monitor.notifyAll();
        }
      }
    };
    call.whenComplete((r, e) -> {
      unpark.run();
      done.countDown();
    });
    try {
      done.await();
    } finally {
      unpark.run();
    }
    return call.get();
  }

  /**
   * Blocks the calling worker thread until virtual time has advanced by a duration: simulated latency.
   *
   * @param duration how long
   * @throws InterruptedException if interrupted meanwhile
   */
  public void sleep(Duration duration) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Cancellable timer = schedule(now().plus(duration), done::countDown);
    try {
      parked(done::await);
    } finally {
      timer.cancel();
    }
  }

  /**
   * Waits until no work is running (apart from parked waits), then fires every timer due at the current
   * virtual time, and repeats until nothing is left to do now.
   */
  public void runUntilIdle() {
    while (true) {
      releaseDeferred();
      awaitQuiescence();
      if (!fireDue(clock.instant())) {
        synchronized (monitor) {
          if (!deferred.isEmpty()) {
            continue;
          }
        }
        return;
      }
    }
  }

  /**
   * Moves virtual time forward, firing timers in order at their instants and letting the work they start
   * finish before time moves on.
   *
   * @param duration how far
   */
  public void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    runUntilIdle();
    while (true) {
      Instant next;
      synchronized (monitor) {
        dropCancelled();
        next = timers.isEmpty() ? null : timers.peek().at;
      }
      if (next == null || next.isAfter(target)) {
        break;
      }
      if (next.isAfter(clock.instant())) {
        clock.set(next);
      }
      runUntilIdle();
    }
    clock.set(target);
    runUntilIdle();
  }

  /**
   * Moves virtual time to an instant; see {@link #advance(Duration)}.
   *
   * @param instant a time not before now
   */
  public void advanceTo(Instant instant) {
    advance(Duration.between(clock.instant(), instant));
  }

  /**
   * When the next timer is due.
   *
   * @return the instant, or null if no timer is set
   */
  public Instant nextTimer() {
    synchronized (monitor) {
      dropCancelled();
      return timers.isEmpty() ? null : timers.peek().at;
    }
  }

  private void dropCancelled() {
    while (!timers.isEmpty() && timers.peek().cancelled) {
      timers.poll();
    }
  }

  private boolean fireDue(Instant now) {
    boolean fired = false;
    while (true) {
      Timer t;
      synchronized (monitor) {
        dropCancelled();
        if (timers.isEmpty() || timers.peek().at.isAfter(now)) {
          return fired;
        }
        t = timers.poll();
      }
      fired = true;
      start(t.task);
    }
  }

  private void releaseDeferred() {
    java.util.List<Runnable> release;
    synchronized (monitor) {
      release = new java.util.ArrayList<>(deferred);
      deferred.clear();
    }
    release.forEach(this::start);
  }

  private void awaitQuiescence() {
    synchronized (monitor) {
      while (busy > parked) {
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for the engine to go idle", e);
        }
      }
      if (failure != null) {
        Throwable f = failure;
        failure = null;
        throw new AssertionError("A task on the virtual scheduler failed", f);
      }
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
