package dev.keel.engine.internal.promotion;

import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.VerificationState;
import dev.keel.engine.internal.schedule.LogContext;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each environment's verifications against its CURRENT version, one at a time, in declared order:
 * pending ones are evaluated, and the next one starts only when none is pending and no version is
 * DEPLOYING in the environment. The start is claimed under the environment's lock, which actuations take
 * too, by recording the verification as PENDING (so actuations wait for it); the evaluator's start then
 * runs outside the lock, under the engine's deadline, so a start that hangs holds up nothing but itself.
 */
final class VerificationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(VerificationRunner.class);
  /** Marks a verification whose evaluator's start has been claimed but has not returned yet. */
  static final String STARTING = "keel.starting";

  private final PromotionLedger ledger;
  private final PromotionTracker tracker;
  private final Clock clock;
  private final Map<String, VerificationEvaluator<?>> evaluators;
  private final EvaluatorCalls calls;

  VerificationRunner(PromotionLedger ledger, PromotionTracker tracker, Clock clock,
      Map<String, VerificationEvaluator<?>> evaluators, EvaluatorCalls calls) {
    this.calls = calls;
    this.ledger = ledger;
    this.tracker = tracker;
    this.clock = clock;
    this.evaluators = Map.copyOf(evaluators);
  }

  /** Advances every verification of a config; returns whether any finished (so promotion may move on). */
  boolean run(DeliveryConfig config) {
    boolean finished = false;
    for (Environment env : config.environments()) {
      if (env.verifyWith().isEmpty()) {
        continue;
      }
      for (DeliveryArtifact artifact : config.artifacts()) {
        if (PromotionLedger.environmentsUsing(config, artifact.reference()).contains(env)) {
          try (LogContext.Scope scope = LogContext.application(config.application(), env.name())) {
            finished |= run(config, env, new EnvironmentArtifact(config.name(), env.name(), artifact.reference()));
          }
        }
      }
    }
    return finished;
  }

  private boolean run(DeliveryConfig config, Environment env, EnvironmentArtifact where) {
    Optional<String> current = ledger.records(where).values().stream()
        .filter(r -> r.status() == PromotionStatus.CURRENT).map(PromotionRecord::version).findFirst();
    if (current.isEmpty()) {
      return false;
    }
    String version = current.get();
    Map<String, VerificationState> states = ledger.store().verificationStates(where).stream()
        .filter(s -> s.version().equals(version))
        .collect(Collectors.toMap(VerificationState::verificationId, Function.identity()));
    boolean finished = false;
    boolean running = false;
    for (Verification v : env.verifyWith()) {
      VerificationState s = states.get(v.id());
      if (s != null && s.status() == ConstraintStatus.PENDING && s.metadata().containsKey(STARTING)) {
        running = true; // its start is still being called
      } else if (s != null && s.status() == ConstraintStatus.PENDING) {
        VerificationState after = evaluate(config, env, where, v, s);
        finished |= after.status().complete();
        running |= !after.status().complete();
      }
    }
    if (running) {
      return finished;
    }
    Optional<Verification> next = env.verifyWith().stream()
        .filter(v -> !states.containsKey(v.id()) || states.get(v.id()).status() == ConstraintStatus.NOT_EVALUATED)
        .findFirst();
    if (next.isPresent()) {
      VerificationEvaluator<?> evaluator = evaluators.get(next.get().type());
      if (evaluator == null) {
        LOG.warn("No evaluator for verification type {} in {}; it cannot run", next.get().type(), where);
        return finished;
      }
      Instant now = clock.instant();
      synchronized (tracker.lock(config.name(), env.name())) {
        if (deploying(config, env)) {
          return finished;
        }
        ledger.store().saveVerificationState(new VerificationState(where, version, next.get().id(),
            ConstraintStatus.PENDING, now, null, Map.of(STARTING, "true"), null));
      }
      finished |= start(config, env, where, version, next.get(), evaluator, now).status().complete();
    }
    return finished;
  }

  private boolean deploying(DeliveryConfig config, Environment env) {
    return config.artifacts().stream().anyMatch(a -> ledger.store()
        .promotions(new EnvironmentArtifact(config.name(), env.name(), a.reference())).stream()
        .anyMatch(r -> r.status() == PromotionStatus.DEPLOYING));
  }

  /** Calls the evaluator's start, outside any lock; a start that fails, overruns or is refused fails the verification. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private VerificationState start(DeliveryConfig config, Environment env, EnvironmentArtifact where, String version,
      Verification v, VerificationEvaluator evaluator, Instant now) {
    String extension = "verification " + v.id() + " start";
    EvaluatorCalls.Target target = new EvaluatorCalls.Target(where, version, "verification " + v.id());
    Map<String, String> metadata;
    ConstraintStatus status = ConstraintStatus.PENDING;
    try {
      metadata = calls.call(evaluator, target, extension,
          () -> evaluator.start(v, new Verifying(config, env, where.artifactReference(), version, clock, now, Map.of())));
      calls.succeeded(target);
    } catch (EvaluatorCalls.CallFailed e) {
      calls.failed(target, config.application(), env.name(), version, extension, e);
      metadata = Map.of("error", extension + " failed: " + e.getMessage());
      status = ConstraintStatus.FAIL;
    }
    VerificationState state = new VerificationState(where, version, v.id(), status, now,
        status.complete() ? clock.instant() : null, metadata == null ? Map.of() : metadata, null);
    ledger.store().saveVerificationState(state);
    return state;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private VerificationState evaluate(DeliveryConfig config, Environment env, EnvironmentArtifact where, Verification v,
      VerificationState state) {
    VerificationEvaluator evaluator = evaluators.get(v.type());
    if (evaluator == null) {
      return state;
    }
    ConstraintOutcome outcome;
    String extension = "verification " + v.id();
    EvaluatorCalls.Target target = new EvaluatorCalls.Target(where, state.version(), extension);
    try {
      outcome = calls.call(evaluator, target, extension, () -> evaluator.evaluate(v, new Verifying(config, env,
          where.artifactReference(), state.version(), clock, state.startedAt(), state.metadata())));
      calls.succeeded(target);
    } catch (EvaluatorCalls.CallFailed e) {
      // A verification whose evaluation cannot be had would hold the environment forever: it fails.
      calls.failed(target, config.application(), env.name(), state.version(), extension, e);
      outcome = ConstraintOutcome.fail("evaluation failed: " + e.getMessage());
    }
    if (outcome == null || outcome.result() == ConstraintOutcome.Result.PENDING) {
      return state;
    }
    ConstraintStatus status = outcome.result() == ConstraintOutcome.Result.PASS ? ConstraintStatus.PASS : ConstraintStatus.FAIL;
    java.util.Map<String, String> metadata = new java.util.HashMap<>(state.metadata());
    metadata.putAll(outcome.attributes());
    if (outcome.message() != null) {
      metadata.put("message", outcome.message());
    }
    VerificationState done = new VerificationState(where, state.version(), v.id(), status, state.startedAt(),
        clock.instant(), metadata, null);
    ledger.store().saveVerificationState(done);
    return done;
  }
}
