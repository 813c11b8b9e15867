package dev.keel.examples.embedding;

import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.model.ArtifactVersion;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates {@link SecurityScanConstraint}s from what is known of the version: PASS when its metadata says
 * {@code passed}, FAIL otherwise. Stateless, so the engine evaluates it afresh on every promotion check (before
 * any stateful constraint such as a manual judgement) and keeps nothing.
 */
public final class SecurityScanEvaluator implements ConstraintEvaluator<SecurityScanConstraint> {

  /** An evaluator; it keeps no state. */
  public SecurityScanEvaluator() {}

  @Override
  public String type() {
    return SecurityScanConstraint.TYPE;
  }

  @Override
  public Class<SecurityScanConstraint> constraintClass() {
    return SecurityScanConstraint.class;
  }

  @Override
  public ConstraintOutcome evaluate(SecurityScanConstraint constraint, PromotionContext context) {
    Optional<ArtifactVersion> version = context.artifacts().version(context.deliveryConfig().name(),
        context.artifact().reference(), context.version());
    String result = version.map(v -> v.metadata().get(constraint.metadataKey())).orElse(null);
    if ("passed".equals(result)) {
      return new ConstraintOutcome(ConstraintOutcome.Result.PASS, "security scan passed",
          Map.of(constraint.metadataKey(), result));
    }
    return ConstraintOutcome.fail(result == null
        ? context.version() + " has no security scan result (metadata '" + constraint.metadataKey() + "')"
        : "security scan of " + context.version() + " " + result);
  }
}
