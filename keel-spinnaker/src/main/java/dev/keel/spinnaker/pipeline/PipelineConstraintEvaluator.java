package dev.keel.spinnaker.pipeline;

import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.model.PipelineConstraint;
import dev.keel.spinnaker.SpinnakerCallException;
import dev.keel.spinnaker.orca.OrcaClient;
import dev.keel.spinnaker.orca.OrcaExecution;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates {@code pipeline} constraints through Orca, as Keel's evaluator means to (its retries never ran): the
 * first evaluation triggers the pipeline with a managed trigger ({@code POST /orchestrate/{pipelineId}}) and is
 * PENDING; later evaluations poll the execution ({@code GET /pipelines/{id}}) and PASS when it succeeds; a failed
 * run is triggered again while retries remain, else FAILs with Orca's failure text; a run that takes longer than
 * the constraint's timeout (measured from its trigger) FAILs. The outcome's attributes hold {@code executionId},
 * {@code attempt}, {@code latestAttempt} and {@code lastExecutionStatus}, so the constraint's state names the
 * execution.
 *
 * <p>A trigger Orca rejects (4xx) FAILs at once; one that could not reach Orca is tried again at the next
 * evaluation until the timeout, counted from the first evaluation.
 */
public class PipelineConstraintEvaluator implements ConstraintEvaluator<PipelineConstraint> {

  /** The attribute holding the execution id. */
  public static final String EXECUTION_ID = "executionId";

  private final OrcaClient orca;

  /**
   * An evaluator.
   *
   * @param orca Orca
   */
  public PipelineConstraintEvaluator(OrcaClient orca) {
    this.orca = Objects.requireNonNull(orca, "orca");
  }

  @Override
  public String type() {
    return PipelineConstraint.TYPE;
  }

  @Override
  public Class<PipelineConstraint> constraintClass() {
    return PipelineConstraint.class;
  }

  @Override
  public boolean stateful() {
    return true;
  }

  @Override
  public ConstraintOutcome evaluate(PipelineConstraint constraint, PromotionContext context) {
    Map<String, String> previous = context.previousAttributes();
    Instant now = context.clock().instant();
    String executionId = previous.get(EXECUTION_ID);
    int attempt = Integer.parseInt(previous.getOrDefault("attempt", "0"));
    if (executionId == null) {
      return trigger(constraint, context, attempt + 1, context.firstEvaluatedAt(), Map.of());
    }
    Map<String, String> attributes = new LinkedHashMap<>(previous);
    Optional<OrcaExecution> execution;
    try {
      execution = orca.pipeline(executionId);
    } catch (SpinnakerCallException e) {
      return timedOut(constraint, attributes, now)
          ? outcome(ConstraintOutcome.Result.FAIL, "pipeline " + constraint.pipelineId() + " execution "
              + executionId + " timed out after " + constraint.timeout() + " (last read failed: " + e.getMessage()
              + ")", attributes)
          : outcome(ConstraintOutcome.Result.PENDING, "cannot read pipeline execution " + executionId + " yet: "
              + e.getMessage(), attributes);
    }
    if (execution.isEmpty()) {
      return outcome(ConstraintOutcome.Result.FAIL, "Orca knows no execution " + executionId + " of pipeline "
          + constraint.pipelineId(), attributes);
    }
    OrcaExecution e = execution.get();
    attributes.put("lastExecutionStatus", e.status().name());
    if (!e.status().isComplete()) {
      return timedOut(constraint, attributes, now)
          ? outcome(ConstraintOutcome.Result.FAIL, "pipeline " + constraint.pipelineId() + " execution "
              + executionId + " timed out after " + constraint.timeout() + " (" + e.status() + ")", attributes)
          : outcome(ConstraintOutcome.Result.PENDING, "pipeline " + constraint.pipelineId() + " execution "
              + executionId + " is " + e.status(), attributes);
    }
    if (!e.status().isFailure()) {
      return outcome(ConstraintOutcome.Result.PASS, "pipeline " + constraint.pipelineId() + " execution "
          + executionId + " " + e.status(), attributes);
    }
    String why = "pipeline " + constraint.pipelineId() + " execution " + executionId + " ended " + e.status()
        + (e.failure() == null ? "" : ": " + e.failure());
    if (attempt <= constraint.retries()) {
      return trigger(constraint, context, attempt + 1, now, attributes);
    }
    return outcome(ConstraintOutcome.Result.FAIL, why, attributes);
  }

  private ConstraintOutcome trigger(PipelineConstraint constraint, PromotionContext context, int attempt,
      Instant timeoutFrom, Map<String, String> previous) {
    Map<String, String> attributes = new LinkedHashMap<>(previous);
    attributes.put("attempt", String.valueOf(attempt));
    attributes.remove(EXECUTION_ID);
    Instant now = context.clock().instant();
    try {
      String id = orca.triggerPipeline(constraint.pipelineId(), trigger(constraint, context),
          context.deliveryConfig().serviceAccount());
      attributes.put(EXECUTION_ID, id);
      attributes.put("latestAttempt", now.toString());
      attributes.remove("lastExecutionStatus");
      return outcome(ConstraintOutcome.Result.PENDING, "triggered pipeline " + constraint.pipelineId()
          + " (attempt " + attempt + "): execution " + id, attributes);
    } catch (SpinnakerCallException e) {
      attributes.put("attempt", String.valueOf(attempt - 1));
      attributes.put("lastTriggerError", e.getMessage());
      if (e.kind() == SpinnakerCallException.Kind.REJECTED
          || now.isAfter(timeoutFrom.plus(constraint.timeout()))) {
        return outcome(ConstraintOutcome.Result.FAIL, "could not trigger pipeline " + constraint.pipelineId() + ": "
            + e.getMessage(), attributes);
      }
      return outcome(ConstraintOutcome.Result.PENDING, "could not trigger pipeline " + constraint.pipelineId()
          + " yet: " + e.getMessage(), attributes);
    }
  }

  private static Map<String, Object> trigger(PipelineConstraint constraint, PromotionContext context) {
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("type", context.artifact().type());
    artifact.put("name", context.artifact().name());
    artifact.put("version", context.version());
    artifact.put("reference", context.artifact().reference());
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("type", "managed");
    trigger.put("user", "keel");
    trigger.put("application", context.deliveryConfig().application());
    trigger.put("environment", context.environment().name());
    trigger.put("parameters", constraint.parameters());
    trigger.put("artifacts", List.of(artifact));
    trigger.put("notifications", List.of());
    return trigger;
  }

  private static boolean timedOut(PipelineConstraint constraint, Map<String, String> attributes, Instant now) {
    try {
      Instant started = Instant.parse(attributes.getOrDefault("latestAttempt", ""));
      return now.isAfter(started.plus(constraint.timeout()));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static ConstraintOutcome outcome(ConstraintOutcome.Result result, String message,
      Map<String, String> attributes) {
    return new ConstraintOutcome(result, message, attributes);
  }
}
