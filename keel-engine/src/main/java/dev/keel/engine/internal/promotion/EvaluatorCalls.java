package dev.keel.engine.internal.promotion;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.internal.schedule.DeadlineCalls;
import dev.keel.engine.schedule.CallRefused;
import dev.keel.engine.schedule.DeadlineExceeded;
import dev.keel.engine.store.EnvironmentArtifact;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How promotion calls its extensions (constraint and verification evaluators, artifact suppliers): each
 * call runs under the engine's deadline on its call threads, never while an earlier call about the same
 * constraint or verification is stuck, and a failure becomes a {@link CallFailed} with a reason the caller
 * records in the constraint's or verification's state, plus one {@link ApplicationEvent.PromotionCallFailed}.
 * The promotion thread waits for the call (its slot in the promotion loop is given up meanwhile), so the
 * promotion algorithm stays sequential.
 */
public final class EvaluatorCalls {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluatorCalls.class);

  /** Waits for a call; the engine's scheduler counts the waiting thread as idle. */
  @FunctionalInterface
  public interface Waiter {
    /**
     * Waits.
     *
     * @param call the call
     * @param <T> its result type
     * @return its result
     * @throws ExecutionException with its failure
     * @throws InterruptedException if interrupted
     */
    <T> T await(CompletableFuture<T> call) throws ExecutionException, InterruptedException;
  }

  /**
   * What a promotion call is about: one constraint or verification of one version in one environment.
   *
   * @param where the environment and artifact
   * @param version the version
   * @param what the constraint or verification, such as {@code constraint canary}
   */
  record Target(EnvironmentArtifact where, String version, String what) {}

  /** An extension call failed; the reason says how. */
  public static final class CallFailed extends Exception {
    private static final long serialVersionUID = 1L;

    CallFailed(String reason, @Nullable Throwable cause) {
      super(reason, cause);
    }
  }

  @Nullable
  private final DeadlineCalls calls;
  private final Waiter waiter;
  private final Duration timeout;
  private final Clock clock;
  private final Consumer<ApplicationEvent> events;
  /** The last failure reported per target, so a failure that repeats every check is recorded once. */
  private final Map<Object, String> reported = new ConcurrentHashMap<>();

  /**
   * Calls under deadlines.
   *
   * @param calls the engine's extension calls
   * @param waiter how the promotion thread waits
   * @param timeout each call's deadline
   * @param clock the engine's clock
   * @param events where failures are recorded
   */
  public EvaluatorCalls(DeadlineCalls calls, Waiter waiter, Duration timeout, Clock clock,
      Consumer<ApplicationEvent> events) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
  }

  private EvaluatorCalls(Clock clock) {
    this.calls = null;
    this.waiter = CompletableFuture::get;
    this.timeout = Duration.ofDays(1);
    this.clock = clock;
    this.events = e -> { };
  }

  /**
   * Calls on the calling thread with no deadline, failures contained but recorded nowhere: for promotion
   * used without an engine, as in unit tests.
   *
   * @param clock the clock
   * @return the calls
   */
  public static EvaluatorCalls direct(Clock clock) {
    return new EvaluatorCalls(clock);
  }

  /**
   * Calls an extension and waits for it.
   *
   * @param extension the extension
   * @param target what the call is about; no call about it is made while an earlier one is stuck
   * @param phase the call's name in reasons, such as {@code constraint canary}
   * @param body the call
   * @param <T> its result type
   * @return its result
   * @throws CallFailed if it threw, overran its deadline, or was not made
   */
  <T> T call(Object extension, Object target, String phase, Callable<T> body) throws CallFailed {
    if (calls == null) {
      try {
        return body.call();
      } catch (Exception | LinkageError e) {
        throw new CallFailed(describe(e), e);
      }
    }
    try {
      return waiter.await(calls.call(extension, target, phase, timeout, body));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CallFailed(describe(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailed("interrupted while waiting for " + phase, e);
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof DeadlineExceeded || e instanceof CallRefused) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /**
   * Records a failed call, unless the same failure was the last one recorded for its target.
   *
   * @param target what the call was about
   * @param application the application
   * @param environment the environment
   * @param version the version
   * @param extension what failed
   * @param failure how
   */
  void failed(Object target, String application, String environment, String version, String extension,
      CallFailed failure) {
    String reason = failure.getMessage();
    if (reason.equals(reported.put(target, reason))) {
      return;
    }
    LOG.warn("{} failed for {} in {}: {}", extension, version, environment, reason, failure.getCause());
    try {
      events.accept(new ApplicationEvent.PromotionCallFailed(application, clock.instant(), environment, version,
          extension, reason));
    } catch (RuntimeException e) {
      LOG.warn("Could not record the failure of {}", extension, e);
    }
  }

  /**
   * Forgets the last failure of a target, after a call about it succeeded.
   *
   * @param target what the call was about
   */
  void succeeded(Object target) {
    reported.remove(target);
  }
}
