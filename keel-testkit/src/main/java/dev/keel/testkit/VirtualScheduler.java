package dev.keel.testkit;

import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.testkit.Turns.Turn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduler on virtual time that runs the engine deterministically. Timers fire only when the test
 * advances the clock, and although work runs on real threads, only one of them runs at a time: work holds a
 * <em>turn</em>, and turns are handed out first come, first served, in the order the work was started or
 * woken. Whatever the operating system's thread scheduling, the same test does the same things in the same
 * order, so a run on virtual time repeats exactly, down to the order of events at one instant.
 *
 * <p>The scheduler knows when all work has finished or is parked waiting for virtual time, so
 * {@link #runUntilIdle()} and {@link #advance(Duration)} need no real-time waiting.
 *
 * <p>Work that must wait gives up its turn while it waits: a fake cloud call that takes 20 ms calls
 * {@link #sleep(Duration)}; a wait for a call uses {@link #await(CompletableFuture)}; a test that holds work
 * and lets it go uses {@link #hold()}; any other blocking wait (a hanging fake) is wrapped in
 * {@link #parked(Blocking)}. Work that blocks any other way keeps its turn, and everything else waits for
 * it. Whoever wakes a waiting worker (a timer, the completion of a call, {@link Hold#release()}, an
 * {@link #interrupt(Thread) interrupt}) queues its turn at that moment, which is what keeps the order
 * deterministic.
 */
public final class VirtualScheduler implements Scheduler {

  private final VirtualClock clock;
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final ExecutorService threads;
  private final Object monitor = new Object();
  private final AtomicInteger threadNames = new AtomicInteger();
  private final Turns turns = new Turns(monitor);
  private final List<Runnable> deferred = new ArrayList<>();
  private long sequence;

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
   * as the engine can tell. Work submitted by work is queued at once, behind the work already queued.
   */
  private void submit(Runnable task) {
    if (turns.current() == null) {
      synchronized (monitor) {
        deferred.add(task);
      }
      return;
    }
    start(task);
  }

  private void start(Runnable task) {
    startAll(List.of(task));
  }

  /**
   * Queues tasks, then lets the first run: queued all at once, so that none of them can queue work of its
   * own in between (which would make the order depend on the threads' timing).
   */
  private void startAll(List<Runnable> tasks) {
    for (Runnable task : tasks) {
      queue(task);
    }
    turns.grantNext();
  }

  private void queue(Runnable task) {
    Turn turn = turns.queue();
    try {
      threads.execute(() -> turns.run(turn, task));
    } catch (RejectedExecutionException e) {
      turns.drop(turn); // closed: the task is dropped, as the Scheduler contract says
    }
  }

  /**
   * Runs a wait that only virtual time or the test can end, giving up the turn meanwhile.
   *
   * @param wait the wait
   * @throws InterruptedException if the wait was interrupted
   */
  public void parked(Blocking wait) throws InterruptedException {
    Turn me = turns.park(() -> false);
    try {
      wait.await();
    } finally {
      turns.resume(me);
    }
  }

  /**
   * A latch for a test to hold work on and let it go: {@link Hold#await()} parks the calling worker, and
   * {@link Hold#release()} queues the held workers' turns before waking them, so that a
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
    private final Set<Thread> waiting = new LinkedHashSet<>();

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
      Turn me = turns.park(() -> latch.getCount() == 0);
      try {
        latch.await();
      } finally {
        synchronized (monitor) {
          waiting.remove(Thread.currentThread());
        }
        turns.resume(me);
      }
    }

    /** Lets every held thread go, queueing each one's turn at once. */
    public void release() {
      synchronized (monitor) {
        latch.countDown();
        for (Thread t : waiting) {
          turns.wake(t);
        }
      }
    }
  }

  /**
   * Queues a parked thread's turn from the moment the engine interrupts it, so that time does not move on
   * while the interrupted call is still returning. A wait that ignores the interrupt should park again.
   */
  @Override
  public void interrupt(Thread thread) {
    turns.wake(thread);
    thread.interrupt();
  }

  /**
   * Waits for a call, giving up the waiting worker's turn until the call completes. The turn is queued
   * again by the work that completes the call, at that moment. On the test's own thread the waiting runs
   * the engine's work until the call is done, moving virtual time on to the next timer (such as a call
   * deadline) while it is not.
   */
  @Override
  public <T> T await(CompletableFuture<T> call) throws ExecutionException, InterruptedException {
    if (turns.current() == null) {
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
    Turn mine = turns.current();
    CountDownLatch done = new CountDownLatch(1);
    // Registered before parking: completion by another turn can only come after the park; completion by
    // a thread of someone else's is seen by the park's check, or wakes the parked turn.
    call.whenComplete((r, e) -> {
      if (mine != null) {
        turns.wake(mine);
      }
      done.countDown();
    });
    Turn me = turns.park(call::isDone);
    try {
      done.await();
    } finally {
      turns.resume(me);
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
    Turn me = turns.current();
    CountDownLatch done = new CountDownLatch(1);
    Cancellable timer = schedule(now().plus(duration), () -> {
      if (me != null) {
        turns.wake(me);
      }
      done.countDown();
    });
    try {
      parked(done::await);
    } finally {
      timer.cancel();
    }
  }

  /**
   * Waits until no work is running or queued (apart from parked waits), then fires every timer due at the
   * current virtual time, and repeats until nothing is left to do now.
   */
  public void runUntilIdle() {
    while (true) {
      releaseDeferred();
      turns.awaitIdle();
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

  /** Starts every timer due by now, in timer order, all queued before the first of them runs. */
  private boolean fireDue(Instant now) {
    List<Runnable> due = new ArrayList<>();
    synchronized (monitor) {
      dropCancelled();
      while (!timers.isEmpty() && !timers.peek().at.isAfter(now)) {
        Timer t = timers.poll();
        if (!t.cancelled) {
          due.add(t.task);
        }
      }
    }
    startAll(due);
    return !due.isEmpty();
  }

  private void releaseDeferred() {
    List<Runnable> release;
    synchronized (monitor) {
      release = new ArrayList<>(deferred);
      deferred.clear();
    }
    startAll(release);
  }

  @Override
  public void close() {
    turns.close();
    threads.shutdownNow();
  }
}
