package dev.keel.engine.internal.promotion;

import dev.keel.engine.promotion.ManualJudgementConstraint;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;

/**
 * {@code manual-judgement}: pending until a person judges it through the engine; fails once its time-out
 * has passed since the version first waited for it.
 */
final class ManualJudgementEvaluator implements ConstraintEvaluator<ManualJudgementConstraint> {

  @Override
  public String type() {
    return ManualJudgementConstraint.TYPE;
  }

  @Override
  public Class<ManualJudgementConstraint> constraintClass() {
    return ManualJudgementConstraint.class;
  }

  @Override
  public boolean stateful() {
    return true;
  }

  @Override
  public ConstraintOutcome evaluate(ManualJudgementConstraint constraint, PromotionContext context) {
    if (constraint.timeout() != null
        && context.clock().instant().isAfter(context.firstEvaluatedAt().plus(constraint.timeout()))) {
      return ConstraintOutcome.fail("Timed out after " + constraint.timeout() + " without a judgement");
    }
    return ConstraintOutcome.pending("awaiting a judgement");
  }
}
