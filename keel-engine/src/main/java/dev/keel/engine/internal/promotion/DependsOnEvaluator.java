package dev.keel.engine.internal.promotion;

import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import java.util.Map;

/**
 * {@code depends-on}: a version passes once it has been current in the named environment and passed every
 * verification there.
 */
final class DependsOnEvaluator implements ConstraintEvaluator<DependsOnConstraint> {

  private final PromotionLedger ledger;

  DependsOnEvaluator(PromotionLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String type() {
    return DependsOnConstraint.TYPE;
  }

  @Override
  public Class<DependsOnConstraint> constraintClass() {
    return DependsOnConstraint.class;
  }

  @Override
  public ConstraintOutcome evaluate(DependsOnConstraint constraint, PromotionContext context) {
    EnvironmentArtifact upstream = new EnvironmentArtifact(context.deliveryConfig().name(), constraint.environment(),
        context.artifact().reference());
    if (ledger.deployedAndVerified(context.deliveryConfig(), upstream, context.version())) {
      return new ConstraintOutcome(ConstraintOutcome.Result.PASS, null, Map.of("dependsOnEnvironment", constraint.environment()));
    }
    return ConstraintOutcome.fail("not yet deployed and verified in " + constraint.environment());
  }
}
