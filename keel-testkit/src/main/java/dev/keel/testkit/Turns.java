package dev.keel.testkit;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * The one-worker-at-a-time discipline behind {@link VirtualScheduler}: each piece of work holds a
 * {@link Turn}, at most one turn runs, and turns are granted first come, first served in the order they were
 * queued. Work that waits parks its turn and is queued again by whoever wakes it, at that moment, which is
 * what makes a run repeat exactly whatever the operating system's thread scheduling.
 *
 * <p>Every field is guarded by the scheduler's monitor, shared with the scheduler's timers and holds, so that
 * a wait's check and its parking, and a waker's wake, are each one step.
 */
final class Turns {

  /** One piece of work's right to run: queued, running, or parked while it waits. */
  static final class Turn {
    enum State { QUEUED, RUNNING, PARKED }

    /** One permit per grant of the turn. */
    private final Semaphore go = new Semaphore(0);
    private Thread thread;
    private State state = State.QUEUED;
  }

  private final Object monitor;
  /** The turn the calling pool thread works for; null on the test's own thread and on foreign threads. */
  private final ThreadLocal<Turn> current = new ThreadLocal<>();
  /** Turns waiting to run, in the order they were started or woken. */
  private final ArrayDeque<Turn> ready = new ArrayDeque<>();
  /** Parked turns by thread, so that an interrupt or a hold's release can wake them. */
  private final Map<Thread, Turn> parked = new HashMap<>();
  /** The turn that may run now; null when none does. */
  private Turn running;
  private Throwable failure;
  private volatile boolean closed;

  Turns(Object monitor) {
    this.monitor = monitor;
  }

  /**
   * The calling thread's turn.
   *
   * @return the turn, or null on the test's own thread and on threads of someone else's
   */
  Turn current() {
    return current.get();
  }

  /**
   * Queues a new turn for work about to be handed to a thread; it runs once granted.
   *
   * @return the turn
   */
  Turn queue() {
    Turn turn = new Turn();
    synchronized (monitor) {
      ready.add(turn);
    }
    return turn;
  }

  /** Takes back a queued turn whose work could not be started (the scheduler closed). */
  void drop(Turn turn) {
    synchronized (monitor) {
      ready.remove(turn);
      if (running == turn) {
        running = null;
      }
      grant();
    }
  }

  /** Lets the first queued turn run if none does. */
  void grantNext() {
    synchronized (monitor) {
      grant();
    }
  }

  /**
   * Runs work on the calling pool thread once its turn is granted, keeping the first failure for
   * {@link #awaitIdle()}, and hands the turn on when done.
   */
  void run(Turn turn, Runnable task) {
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
   * Gives up the calling worker's turn unless what it would wait for has already happened. The check and
   * the parking are one step under the monitor, and wakers take the monitor too, so a wake can never fall
   * between them (the worker would then queue itself again at a moment no one chose).
   *
   * @param over whether the wait is already over
   * @return the turn given up, to take back with {@link #resume(Turn)}; null if the caller keeps its turn or
   *     held none (the test's own thread, or a thread of someone else's), which then simply waits
   */
  Turn park(BooleanSupplier over) {
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
      parked.put(me.thread, me);
      grant();
    }
    return me;
  }

  /** Queues a parked turn to run again; the waker's call, so the order is the waker's. */
  void wake(Turn turn) {
    synchronized (monitor) {
      if (turn.state == Turn.State.PARKED) {
        turn.state = Turn.State.QUEUED;
        parked.remove(turn.thread);
        ready.add(turn);
        grant();
      }
    }
  }

  /** Queues the turn a thread parked, if it parked one. */
  void wake(Thread thread) {
    Turn turn;
    synchronized (monitor) {
      turn = parked.get(thread);
    }
    if (turn != null) {
      wake(turn);
    }
  }

  /** Takes a turn back after its wait: queues it if nobody woke it, then waits for the grant. */
  void resume(Turn me) {
    if (me == null) {
      return;
    }
    wake(me);
    awaitGrant(me);
  }

  /**
   * Waits until no turn runs or is queued (parked ones may remain), then reports the first failure of any
   * work since the last call.
   *
   * @throws AssertionError carrying the failure of a piece of work
   */
  void awaitIdle() {
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

  /** Lets turns waiting for a grant give up when their threads are interrupted. */
  void close() {
    closed = true;
  }
}
