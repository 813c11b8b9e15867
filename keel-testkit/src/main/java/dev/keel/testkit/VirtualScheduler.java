package dev.keel.testkit;

import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
  /** The turn the calling pool thread works for; null on the test's own thread and on foreign threads. */
  private final ThreadLocal<Turn> current = new ThreadLocal<>();
  private final List<Runnable> deferred = new ArrayList<>();
  /** Turns waiting to run, in the order they were started or woken. Guarded by {@code monitor}. */
  private final ArrayDeque<Turn> ready = new ArrayDeque<>();
  /** Parked turns by thread, so that an interrupt or a hold's release can wake them. */
  private final Map<Thread, Turn> parkedTurns = new HashMap<>();
  /** The turn that may run now; null when none does. Guarded by {@code monitor}. */
  private Turn running;
  private long sequence;
  private Throwable failure;
  private volatile boolean closed;

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

  /** One piece of work's right to run: queued, running, or parked while it waits. */
  private static final class Turn {
    enum State { QUEUED, RUNNING, PARKED }

    /** One permit per grant of the turn. */
    final Semaphore go = new Semaphore(0);
    Thread thread;
    State state = State.QUEUED;
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
    if (current.get() == null) {
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
    synchronized (monitor) {
      grant();
    }
  }

  private void queue(Runnable task) {
    Turn turn = new Turn();
    synchronized (monitor) {
      ready.add(turn);
    }
    try {
      threads.execute(() -> run(turn, task));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      synchronized (monitor) { // closed: the task is dropped, as the Scheduler contract says
        ready.remove(turn);
        if (running == turn) {
          running = null;
        }
        grant();
      }
    }
  }

  private void run(Turn turn, Runnable task) {
    turn.thread = Thread.currentThread();
    current.set(turn);
    try {
      if (!awaitGrant(turn)) {
        return; // closed before its turn came
      }
      task.run();
    } catch (Throwable t) {
      synchronized (monitor) {
        if (failure == null) {
          failure = t;
        }
      }
    } finally {
      current.remove();
      synchronized (monitor) {
        if (running == turn) {
          running = null;
        }
        grant();
      }
    }
  }

  /** Hands the turn to the next queued work if none runs; wakes the test's thread when all is idle. */
  private void grant() {
    if (running == null && !ready.isEmpty()) {
      running = ready.poll();
      running.state = Turn.State.RUNNING;
      running.go.release();
    }
    if (running == null) {
      monitor.notifyAll();
    }
  }

  /** Waits for a turn's grant; false if the scheduler closed meanwhile. Keeps the thread's interrupt. */
  private boolean awaitGrant(Turn turn) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          turn.go.acquire();
          return true;
        } catch (InterruptedException e) {
          interrupted = true;
          if (closed) {
            return false;
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Gives up the calling worker's turn before it waits.
   *
   * @return the turn given up, to take back with {@link #resume(Turn)}; null if the caller held none (the
   *     test's own thread, or a thread of someone else's), which then simply waits
   */
  private Turn park() {
    return park(() -> false);
  }

  /**
   * Gives up the calling worker's turn unless what it would wait for has already happened. The check and
   * the parking are one step under the scheduler's monitor, and wakers take the monitor too, so a wake can
   * never fall between them (the worker would then queue itself again at a moment no one chose).
   *
   * @param over whether the wait is already over
   * @return the turn given up, or null if the caller keeps its turn (or held none)
   */
  private Turn park(java.util.function.BooleanSupplier over) {
    Turn me = current.get();
    if (me == null) {
      return null;
    }
    synchronized (monitor) {
      if (running != me || over.getAsBoolean()) {
        return null;
      }
      me.state = Turn.State.PARKED;
      running = null;
      parkedTurns.put(me.thread, me);
      grant();
    }
    return me;
  }

  /** Queues a parked turn to run again; the waker's call, so the order is the waker's. */
  private void wake(Turn turn) {
    synchronized (monitor) {
      if (turn.state == Turn.State.PARKED) {
        turn.state = Turn.State.QUEUED;
        parkedTurns.remove(turn.thread);
        ready.add(turn);
        grant();
      }
    }
  }

  /** Takes a turn back after its wait: queues it if nobody woke it, then waits for the grant. */
  private void resume(Turn me) {
    if (me == null) {
      return;
    }
    wake(me);
    awaitGrant(me);
  }

  /**
   * Runs a wait that only virtual time or the test can end, giving up the turn meanwhile.
   *
   * @param wait the wait
   * @throws InterruptedException if the wait was interrupted
   */
  public void parked(Blocking wait) throws InterruptedException {
    Turn me = park();
    try {
      wait.await();
    } finally {
      resume(me);
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
      Turn me = park(() -> latch.getCount() == 0);
      try {
        latch.await();
      } finally {
        synchronized (monitor) {
          waiting.remove(Thread.currentThread());
        }
        resume(me);
      }
    }

    /** Lets every held thread go, queueing each one's turn at once. */
    public void release() {
      synchronized (monitor) {
        latch.countDown();
        for (Thread t : waiting) {
          Turn turn = parkedTurns.get(t);
          if (turn != null) {
            wake(turn);
          }
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
    Turn turn;
    synchronized (monitor) {
      turn = parkedTurns.get(thread);
    }
    if (turn != null) {
      wake(turn);
    }
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
    if (current.get() == null) {
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
    Turn mine = current.get();
    CountDownLatch done = new CountDownLatch(1);
    // Registered before parking: completion by another turn can only come after the park; completion by
    // a thread of someone else's is seen by the park's check, or wakes the parked turn.
    call.whenComplete((r, e) -> {
      if (mine != null) {
        wake(mine);
      }
      done.countDown();
    });
    Turn me = park(call::isDone);
    try {
      done.await();
    } finally {
      resume(me);
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
    Turn me = current.get();
    CountDownLatch done = new CountDownLatch(1);
    Cancellable timer = schedule(now().plus(duration), () -> {
      if (me != null) {
        wake(me);
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

  private void awaitQuiescence() {
    synchronized (monitor) {
      while (running != null || !ready.isEmpty()) {
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
    closed = true;
    threads.shutdownNow();
  }
}
