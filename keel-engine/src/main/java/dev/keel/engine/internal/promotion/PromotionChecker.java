package dev.keel.engine.internal.promotion;

import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.Pin;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.internal.schedule.LogContext;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides which versions enter each environment (Keel's algorithm): per artifact and environment, walk the
 * pending candidates newest first (at most {@code maxConsidered}), evaluating stateless constraints before
 * stateful ones; stop at the first version that passes, or whose stateful constraint is pending, so that
 * a version awaiting judgement blocks falling back to older ones; re-evaluate older versions with pending
 * stateful constraints oldest first, so they can pass, fail or time out; approve what passed, oldest first.
 * A pinned environment approves its pin, and still evaluates newer versions, recording their constraint
 * states and queuing those that pass; once unpinned the queue is approved, oldest first. Stateless outcomes
 * are recorded too (when they change), so a version's status shows why it went through or is held.
 */
final class PromotionChecker {

  private final PromotionLedger ledger;
  private final Clock clock;
  private final Map<String, ConstraintEvaluator<?>> evaluators;
  private final List<ConstraintEvaluator<?>> implicit;
  private final ArtifactView view;
  private final int maxConsidered;
  private final EvaluatorCalls calls;

  PromotionChecker(PromotionLedger ledger, Clock clock, Map<String, ConstraintEvaluator<?>> evaluators,
      ArtifactView view, int maxConsidered, EvaluatorCalls calls) {
    this.calls = calls;
    this.ledger = ledger;
    this.clock = clock;
    this.evaluators = Map.copyOf(evaluators);
    this.implicit = evaluators.values().stream().filter(ConstraintEvaluator::implicit).toList();
    this.view = view;
    this.maxConsidered = maxConsidered;
  }

  /** The result of evaluating every constraint of a version for an environment. */
  enum Verdict { PASS, FAIL, PENDING }

  /**
   * Checks a config's environments.
   *
   * @param approved told of each (environment and artifact, version) approved
   */
  void check(DeliveryConfig config, Consumer<PromotionRecord> approved) {
    for (DeliveryArtifact artifact : config.artifacts()) {
      List<ArtifactVersion> versions = ledger.versions(artifact);
      if (versions.isEmpty()) {
        continue;
      }
      List<ArtifactVersion> considered = versions.subList(0, Math.min(maxConsidered, versions.size()));
      for (Environment env : PromotionLedger.environmentsUsing(config, artifact.reference())) {
        try (LogContext.Scope scope = LogContext.application(config.application(), env.name())) {
          checkEnvironment(config, env, artifact, considered, approved);
        }
      }
    }
  }

  private void checkEnvironment(DeliveryConfig config, Environment env, DeliveryArtifact artifact,
      List<ArtifactVersion> considered, Consumer<PromotionRecord> approved) {
    EnvironmentArtifact where = new EnvironmentArtifact(config.name(), env.name(), artifact.reference());
    Optional<Pin> pin = ledger.store().pin(where);
    if (pin.isPresent() && !ledger.records(where).containsKey(pin.get().version())) {
      approve(where, pin.get().version(), approved);
    }
    Map<String, PromotionRecord> records = ledger.records(where);
    // Only versions newer than the best approved one can improve the environment; a pin does not stop their
    // constraints being evaluated, so that they are ready when it goes (Keel's approval queue).
    Optional<String> best = ledger.bestApproved(where, considered);
    int bestIndex = best.map(d -> indexOf(considered, d)).orElse(considered.size());
    List<ArtifactVersion> pending = considered.subList(0, bestIndex).stream()
        .filter(v -> !records.containsKey(v.version())).toList();
    List<String> passed = new ArrayList<>();
    int selected = -1;
    for (int i = 0; i < pending.size(); i++) {
      Verdict verdict = evaluate(config, env, artifact, pending.get(i).version());
      if (verdict == Verdict.PASS) {
        passed.add(pending.get(i).version());
        selected = i;
        break;
      }
      if (verdict == Verdict.PENDING) {
        selected = i;
        break;
      }
    }
    // Older versions waiting on a stateful constraint get their chance to pass, fail or time out.
    for (int i = pending.size() - 1; i > selected && selected >= 0; i--) {
      String version = pending.get(i).version();
      boolean waiting = ledger.store().constraintStates(where, version).stream()
          .anyMatch(s -> s.status() == ConstraintStatus.PENDING && isStateful(s.type()));
      if (waiting && evaluate(config, env, artifact, version) == Verdict.PASS) {
        passed.add(0, version);
      }
    }
    if (pin.isPresent()) {
      passed.forEach(v -> ledger.store().queueForApproval(where, v));
      return;
    }
    approveOldestFirst(config, env, artifact, where, passed, approved);
  }

  /**
   * Approves what passed now and what was queued while pinned, oldest first so that approval order is
   * version order; a queued version is approved only if its stateless constraints still pass (as in Keel).
   */
  private void approveOldestFirst(DeliveryConfig config, Environment env, DeliveryArtifact artifact,
      EnvironmentArtifact where, List<String> passed, Consumer<PromotionRecord> approved) {
    List<String> queued = ledger.store().approvalQueue(where);
    if (queued.isEmpty()) {
      passed.forEach(v -> approve(where, v, approved));
      return;
    }
    Map<String, PromotionRecord> records = ledger.records(where);
    List<ArtifactVersion> known = ledger.versions(artifact);
    for (int i = known.size() - 1; i >= 0; i--) {
      String version = known.get(i).version();
      boolean wasQueued = queued.contains(version);
      if (!wasQueued && !passed.contains(version)) {
        continue;
      }
      if (records.containsKey(version)) {
        ledger.store().dequeueApproval(where, version); // pinned, or approved some other way meanwhile
      } else if (!wasQueued || statelessPass(config, env, artifact, version)) {
        approve(where, version, approved);
        ledger.store().dequeueApproval(where, version);
      }
    }
    // Versions no longer known to the artifact (another branch now, say) leave the queue.
    queued.stream().filter(q -> known.stream().noneMatch(v -> v.version().equals(q)))
        .forEach(q -> ledger.store().dequeueApproval(where, q));
  }

  private static int indexOf(List<ArtifactVersion> newestFirst, String version) {
    for (int i = 0; i < newestFirst.size(); i++) {
      if (newestFirst.get(i).version().equals(version)) {
        return i;
      }
    }
    return newestFirst.size();
  }

  private void approve(EnvironmentArtifact where, String version, Consumer<PromotionRecord> approved) {
    PromotionRecord record = PromotionRecord.approved(where, version, clock.instant());
    ledger.store().savePromotions(List.of(record));
    approved.accept(record);
  }

  private boolean isStateful(String type) {
    ConstraintEvaluator<?> evaluator = evaluators.get(type);
    return evaluator == null || evaluator.stateful();
  }

  private List<Constraint> constraintsOf(Environment env) {
    List<Constraint> constraints = new ArrayList<>(env.constraints());
    implicit.forEach(e -> constraints.add(e.implicitInstance()));
    return constraints;
  }

  /** Whether every stateless constraint passes a version now. */
  private boolean statelessPass(DeliveryConfig config, Environment env, DeliveryArtifact artifact, String version) {
    return evaluateStateless(config, env, artifact, version, constraintsOf(env).stream()
        .filter(c -> !isStateful(c.type())).toList());
  }

  /**
   * Evaluates stateless constraints, every one of them (as Keel does), and records each outcome when it
   * changes, with when and by whom, so that the version's status says why it went through or is held.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean evaluateStateless(DeliveryConfig config, Environment env, DeliveryArtifact artifact, String version,
      List<Constraint> stateless) {
    EnvironmentArtifact where = new EnvironmentArtifact(config.name(), env.name(), artifact.reference());
    Instant now = clock.instant();
    Map<String, ConstraintState> recorded = new java.util.HashMap<>();
    ledger.store().constraintStates(where, version).forEach(st -> recorded.put(st.type(), st));
    boolean allPass = true;
    for (Constraint c : stateless) {
      ConstraintEvaluator evaluator = evaluators.get(c.type());
      ConstraintOutcome outcome = outcome(evaluator, c, new Evaluation(config, env, artifact, version, clock, view, now,
          Map.of()));
      ConstraintStatus status = statusOf(outcome.result());
      allPass &= status == ConstraintStatus.PASS;
      ConstraintState before = recorded.get(c.type());
      if (before == null || before.status() != status || !Objects.equals(before.comment(), outcome.message())
          || !before.attributes().equals(outcome.attributes())) {
        ConstraintState base = before != null ? before
            : new ConstraintState(where, version, c.type(), status, now, null, null, null, Map.of());
        ledger.store().saveConstraintState(base.judged(status, "keel:" + c.type(), now, outcome.message(),
            outcome.attributes()));
      }
    }
    return allPass;
  }

  private static ConstraintStatus statusOf(ConstraintOutcome.Result result) {
    return switch (result) {
      case PASS -> ConstraintStatus.PASS;
      case FAIL -> ConstraintStatus.FAIL;
      case PENDING -> ConstraintStatus.PENDING;
    };
  }

  /** Stateless constraints first; stateful ones only when every stateless one passes. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Verdict evaluate(DeliveryConfig config, Environment env, DeliveryArtifact artifact, String version) {
    EnvironmentArtifact where = new EnvironmentArtifact(config.name(), env.name(), artifact.reference());
    Instant now = clock.instant();
    List<Constraint> stateful = new ArrayList<>();
    List<Constraint> stateless = new ArrayList<>();
    for (Constraint c : constraintsOf(env)) {
      (isStateful(c.type()) ? stateful : stateless).add(c);
    }
    if (!evaluateStateless(config, env, artifact, version, stateless)) {
      return Verdict.FAIL;
    }
    Verdict verdict = Verdict.PASS;
    for (Constraint c : stateful) {
      ConstraintState state = ledger.store().constraintStates(where, version).stream()
          .filter(s -> s.type().equals(c.type())).findFirst()
          .orElseGet(() -> {
            ConstraintState fresh = new ConstraintState(where, version, c.type(), ConstraintStatus.PENDING, now, null,
                null, null, Map.of());
            ledger.store().saveConstraintState(fresh);
            return fresh;
          });
      ConstraintEvaluator evaluator = evaluators.get(c.type());
      boolean judgedByPerson = state.status() == ConstraintStatus.OVERRIDE_PASS || state.status() == ConstraintStatus.OVERRIDE_FAIL;
      if (evaluator != null && !judgedByPerson && (!state.status().complete() || evaluator.reevaluates())) {
        ConstraintOutcome outcome = outcome(evaluator, c, new Evaluation(config, env, artifact, version, clock, view,
            state.createdAt(), state.attributes()));
        ConstraintStatus status = statusOf(outcome.result());
        if (status != state.status() || !outcome.attributes().equals(state.attributes())
            || !Objects.equals(outcome.message(), state.comment())) {
          state = state.judged(status, "keel:" + c.type(), now, outcome.message(), outcome.attributes());
          ledger.store().saveConstraintState(state);
        }
      } else if (evaluator == null && state.comment() == null) {
        state = state.judged(ConstraintStatus.PENDING, "keel", now,
            "No evaluator is registered for constraint type '" + c.type() + "'", Map.of());
        ledger.store().saveConstraintState(state);
      }
      if (state.status() == ConstraintStatus.FAIL || state.status() == ConstraintStatus.OVERRIDE_FAIL) {
        return Verdict.FAIL;
      }
      if (!state.status().passes()) {
        verdict = Verdict.PENDING;
      }
    }
    return verdict;
  }

  /**
   * Calls an evaluator under the engine's deadline. A call that fails (throws, overruns, or is refused
   * because its earlier call is stuck) is recorded as an event and gives its reason as the outcome's
   * message: a stateless constraint keeps the version out this time; a stateful one stays pending, since a
   * failed call says nothing about the version.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private ConstraintOutcome outcome(ConstraintEvaluator evaluator, Constraint c, Evaluation context) {
    String extension = "constraint " + c.type();
    EvaluatorCalls.Target target = new EvaluatorCalls.Target(new EnvironmentArtifact(context.deliveryConfig().name(),
        context.environment().name(), context.artifact().reference()), context.version(), extension);
    try {
      ConstraintOutcome outcome = calls.call(evaluator, target, extension, () -> evaluator.evaluate(c, context));
      calls.succeeded(target);
      return outcome == null ? ConstraintOutcome.fail(evaluator.type() + " returned no outcome") : outcome;
    } catch (EvaluatorCalls.CallFailed e) {
      calls.failed(target, context.deliveryConfig().application(), context.environment().name(), context.version(),
          extension, e);
      String why = extension + " failed: " + e.getMessage();
      return evaluator.stateful()
          ? new ConstraintOutcome(ConstraintOutcome.Result.PENDING, why, context.previousAttributes())
          : ConstraintOutcome.fail(why);
    }
  }
}
