package dev.keel.engine.internal.schedule;

import dev.keel.engine.schedule.CallRefused;
import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.DeadlineExceeded;
import dev.keel.engine.schedule.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;
import org.pf4j.PluginClassLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls into extensions on the scheduler's {@link Scheduler#callExecutor()} under a deadline on the
 * scheduler's clock. A call that overruns completes with {@link DeadlineExceeded} and its thread is
 * interrupted; the engine moves on without it, so a hanging extension never stops the loop.
 *
 * <p>A call that ignores the interrupt (a blocking socket read) goes on running: it is <em>stuck</em>
 * until it returns. While a call about a target (a resource, a version's constraint) is stuck, no new
 * call about that target is made, and each plugin may have at most {@code maxStuckPerPlugin} stuck calls;
 * further calls fail at once with {@link CallRefused}, so threads never pile up behind a dead endpoint.
 * Extensions loaded from the host's classpath count as one plugin per class.
 *
 * <p>The caller's SLF4J MDC (the resource a check is about) is installed on the thread that runs the call, and on
 * the timer's thread when the call times out, so the extension's log lines and the caller's continuations carry it;
 * each thread gets its own entries back afterwards.
 */
public final class DeadlineCalls {

  /** How many stuck calls a plugin may have unless told otherwise: {@value}. */
  public static final int DEFAULT_MAX_STUCK_PER_PLUGIN = 8;

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineCalls.class);

  private final Scheduler scheduler;
  private final int maxStuckPerPlugin;
  private final Object lock = new Object();
  private final Map<Object, List<InFlight>> byTarget = new HashMap<>();
  private final Map<Object, Integer> stuckByPlugin = new HashMap<>();

  /** A call that has been handed to a thread and has not returned. Guarded by {@code lock}. */
  private static final class InFlight {
    final String phase;
    final Instant since;
    final Object plugin;
    Thread runner;
    boolean stuck;
    boolean returned;

    InFlight(String phase, Instant since, Object plugin) {
      this.phase = phase;
      this.since = since;
      this.plugin = plugin;
    }
  }

  /**
   * Calls on a scheduler, with the default bound on stuck calls.
   *
   * @param scheduler where calls run and deadlines are timed
   */
  public DeadlineCalls(Scheduler scheduler) {
    this(scheduler, DEFAULT_MAX_STUCK_PER_PLUGIN);
  }

  /**
   * Calls on a scheduler.
   *
   * @param scheduler where calls run and deadlines are timed
   * @param maxStuckPerPlugin how many calls of one plugin may outlive their deadline before its further
   *     calls are refused
   */
  public DeadlineCalls(Scheduler scheduler, int maxStuckPerPlugin) {
    if (maxStuckPerPlugin < 1) {
      throw new IllegalArgumentException("maxStuckPerPlugin must be at least 1");
    }
    this.scheduler = scheduler;
    this.maxStuckPerPlugin = maxStuckPerPlugin;
  }

  /**
   * Runs a call that concerns no particular target and no plugin, such as an export asked for by a person.
   *
   * @param phase the call's name, for the time-out's message
   * @param timeout how long it may take
   * @param body the call
   * @param <T> its result type
   * @return its result, or {@link DeadlineExceeded} when it overran, or the exception it threw
   */
  public <T> CompletableFuture<T> call(String phase, Duration timeout, Callable<T> body) {
    return call(null, null, phase, timeout, body);
  }

  /**
   * Runs a call into an extension about a target.
   *
   * @param extension the extension called, whose plugin's stuck calls are counted; null for none
   * @param target what the call is about (a resource id, a constraint of a version); null for nothing
   * @param phase the call's name, for the time-out's message
   * @param timeout how long it may take
   * @param body the call
   * @param <T> its result type
   * @return its result; {@link DeadlineExceeded} when it overran; {@link CallRefused} when it was not made
   *     because an earlier call is stuck; or the exception it threw
   */
  public <T> CompletableFuture<T> call(@Nullable Object extension, @Nullable Object target, String phase,
      Duration timeout, Callable<T> body) {
    Object plugin = extension == null ? null : pluginOf(extension);
    LogContext logContext = LogContext.capture(); // the caller's MDC, for the call's thread and the time-out's
    InFlight call = new InFlight(phase, scheduler.clock().instant(), plugin);
    CallRefused refused = register(target, call);
    if (refused != null) {
      return CompletableFuture.failedFuture(refused);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    Cancellable timer = scheduler.schedule(call.since.plus(timeout), () -> {
      // Marked stuck before the caller learns of the time-out, so its next call already sees it; the caller's
      // continuation runs outside the lock.
      synchronized (lock) {
        if (result.isDone()) {
          return;
        }
        if (call.runner != null && !call.returned) {
          call.stuck = true;
          if (plugin != null) {
            stuckByPlugin.merge(plugin, 1, Integer::sum);
          }
        }
      }
      boolean timedOut;
      try (LogContext.Scope scope = logContext.install()) {
        timedOut = result.completeExceptionally(new DeadlineExceeded(phase, timeout));
      }
      if (timedOut) {
        synchronized (lock) {
          // The runner resets itself under the lock, so this interrupt cannot hit the thread's next task.
          if (call.runner != null && !call.returned) {
            scheduler.interrupt(call.runner);
          }
        }
      }
    });
    try {
      scheduler.callExecutor().execute(() -> {
        try (LogContext.Scope scope = logContext.install()) {
          run(target, call, result, timer, body);
        }
      });
    } catch (RuntimeException e) {
      // A closed executor: the call is never made.
      timer.cancel();
      unregister(target, call);
      result.completeExceptionally(e);
    }
    return result;
  }

  private <T> void run(@Nullable Object target, InFlight call, CompletableFuture<T> result, Cancellable timer,
      Callable<T> body) {
    synchronized (lock) {
      if (result.isDone()) {
        unregister(target, call);
        return;
      }
      call.runner = Thread.currentThread();
    }
    try {
      result.complete(body.call());
    } catch (Throwable e) {
      result.completeExceptionally(e);
    } finally {
      timer.cancel();
      synchronized (lock) {
        call.returned = true;
        call.runner = null;
        unregister(target, call);
        // An interrupt meant for an abandoned call must not leak into the pool's next task.
        Thread.interrupted();
      }
      if (call.stuck) {
        LOG.info("{} returned {} after its deadline", call.phase,
            Duration.between(call.since, scheduler.clock().instant()));
      }
    }
  }

  @Nullable
  private CallRefused register(@Nullable Object target, InFlight call) {
    synchronized (lock) {
      if (target != null) {
        for (InFlight earlier : byTarget.getOrDefault(target, List.of())) {
          if (earlier.stuck) {
            return new CallRefused(call.phase, earlier.phase, earlier.since, "Not calling " + call.phase
                + ": the earlier call " + earlier.phase + " (started " + earlier.since + ") has not returned");
          }
        }
      }
      if (call.plugin != null && stuckByPlugin.getOrDefault(call.plugin, 0) >= maxStuckPerPlugin) {
        return new CallRefused(call.phase, null, call.since, "Not calling " + call.phase
            + ": its plugin already has " + maxStuckPerPlugin + " calls that outlived their deadline and have not returned");
      }
      if (target != null) {
        byTarget.computeIfAbsent(target, t -> new ArrayList<>(2)).add(call);
      }
      return null;
    }
  }

  /** Forgets a call; called with {@code lock} held. */
  private void unregister(@Nullable Object target, InFlight call) {
    if (target != null) {
      List<InFlight> calls = byTarget.get(target);
      if (calls != null && calls.remove(call) && calls.isEmpty()) {
        byTarget.remove(target);
      }
    }
    if (call.stuck && call.plugin != null) {
      stuckByPlugin.computeIfPresent(call.plugin, (p, n) -> n > 1 ? n - 1 : null);
    }
  }

  /**
   * How many calls have outlived their deadline and not returned.
   *
   * @return the number, over every plugin
   */
  public int stuckCount() {
    synchronized (lock) {
      return stuckByPlugin.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * The earlier call about a target that is still running past its deadline, if any.
   *
   * @param target the target
   * @return the phase and start of the stuck call, or null
   */
  @Nullable
  public String stuck(Object target) {
    synchronized (lock) {
      return byTarget.getOrDefault(target, List.of()).stream().filter(c -> c.stuck)
          .map(c -> c.phase + " since " + c.since).findFirst().orElse(null);
    }
  }

  /** A plugin's identity: its class loader for a PF4J plugin, the extension's class otherwise. */
  private static Object pluginOf(Object extension) {
    ClassLoader loader = extension.getClass().getClassLoader();
    return loader instanceof PluginClassLoader ? loader : extension.getClass();
  }
}
