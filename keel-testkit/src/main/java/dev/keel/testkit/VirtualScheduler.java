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
  private final java.util.Map<Thread, Wait> parkedThreads = new java.util.HashMap<>();
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
   * as the engine can tell; it then runs in the order the test submitted it (see {@link #runUntilIdle()}).
   * Work submitted by work runs at once.
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
   * One wait of a worker that counts as idle. Whoever ends the wait (a timer, the completion of a call, a
   * release or an interrupt) counts the worker busy again <em>before</em> waking it, while the waker is itself
   * still counted busy, so the scheduler never sees a moment when both look idle. A wait ended before it began
   * is never counted idle. Guarded by {@code monitor}.
   */
  private final class Wait {
    private boolean counted;
    private boolean ended;

    /** Counts the waiting worker idle, unless the wait has already been ended. */
    void begin() {
      synchronized (monitor) {
        if (!ended && !counted) {
          counted = true;
          parked++;
          monitor.notifyAll();
        }
      }
    }

    /** Counts the worker busy again, for the rest of this wait. */
    void end() {
      synchronized (monitor) {
        ended = true;
        if (counted) {
          counted = false;
          parked--;
          monitor.notifyAll();
        }
      }
    }
  }

  /**
   * Runs a wait that only virtual time or the test can end, counting the thread as idle meanwhile.
   *
   * @param wait the wait
   * @throws InterruptedException if the wait was interrupted
   */
  public void parked(Blocking wait) throws InterruptedException {
    park(new Wait(), wait);
  }

  private void park(Wait idle, Blocking wait) throws InterruptedException {
    Thread self = Thread.currentThread();
    synchronized (monitor) {
      parkedThreads.put(self, idle);
      idle.begin();
    }
    try {
      wait.await();
    } finally {
      synchronized (monitor) {
        parkedThreads.remove(self, idle);
        idle.end();
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
    private final java.util.Set<Wait> waiting = new java.util.HashSet<>();

    private Hold() {}

    /**
     * Parks the calling worker until released.
     *
     * @throws InterruptedException if interrupted meanwhile
     */
    public void await() throws InterruptedException {
      Wait idle = new Wait();
      synchronized (monitor) {
        if (latch.getCount() == 0) {
          return;
        }
        waiting.add(idle);
      }
      try {
        park(idle, latch::await);
      } finally {
        synchronized (monitor) {
          waiting.remove(idle);
        }
      }
    }

    /** Lets every held thread go, counting each busy at once. */
    public void release() {
      synchronized (monitor) {
        waiting.forEach(Wait::end);
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
      Wait idle = parkedThreads.get(thread);
      if (idle != null) {
        idle.end();
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
    // The completion ends the wait before the worker begins it if the call is already done (the callback then
    // runs here, at once); otherwise the completing thread ends it while still busy. Counting the worker idle
    // first, and registering the callback after, left a window in which a call that completed meanwhile ran the
    // callback on this thread: its own thread's task ended while this worker still counted idle, and time
    // moved on under a worker that was about to go on.
    Wait idle = new Wait();
    CountDownLatch done = new CountDownLatch(1);
    call.whenComplete((r, e) -> {
      idle.end();
      done.countDown();
    });
    park(idle, done::await);
    return call.get();
  }

  /**
   * Blocks the calling worker thread until virtual time has advanced by a duration: simulated latency.
   * The timer counts the worker busy before waking it, so time cannot move on before the worker has run on.
   *
   * @param duration how long
   * @throws InterruptedException if interrupted meanwhile
   */
  public void sleep(Duration duration) throws InterruptedException {
    Wait idle = new Wait();
    CountDownLatch done = new CountDownLatch(1);
    Cancellable timer = schedule(now().plus(duration), () -> {
      idle.end();
      done.countDown();
    });
    try {
      park(idle, done::await);
    } finally {
      timer.cancel();
    }
  }

  /**
   * Runs the work the test's thread submitted, one piece at a time in the order submitted, each until no work
   * is running (apart from parked waits); then fires every timer due at the current virtual time, and repeats
   * until nothing is left to do now.
   */
  public void runUntilIdle() {
    while (true) {
      awaitQuiescence();
      if (startNextDeferred()) {
        continue;
      }
      if (!fireDue(clock.instant())) {
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

  /**
   * Starts the earliest piece of work the test's thread submitted, if any. The test's submissions run one at
   * a time, each with all it leads to, in the order the test made them: started together, an action and the
   * promotion check it triggers (a submitted config, a published version) would race, and which went first
   * would depend on real threads.
   */
  private boolean startNextDeferred() {
    Runnable next;
    synchronized (monitor) {
      if (deferred.isEmpty()) {
        return false;
      }
      next = deferred.remove(0);
    }
    start(next);
    return true;
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
