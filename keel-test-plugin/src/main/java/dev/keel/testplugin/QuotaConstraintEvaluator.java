package dev.keel.testplugin;

import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PromotionContext;
import org.pf4j.Extension;

/**
 * Evaluates {@code quota} constraints. Its constructor validates the plugin configuration's
 * {@code quota.limit} and throws when it is not a positive whole number, as extensions that check their
 * configuration early do.
 */
@Extension
public class QuotaConstraintEvaluator implements ConstraintEvaluator<QuotaConstraint> {

  private final int limit;

  /**
   * Creates the evaluator.
   *
   * @param context the engine's context; its config may hold {@code quota.limit}
   * @throws IllegalArgumentException if {@code quota.limit} is not a positive whole number
   */
  public QuotaConstraintEvaluator(KeelContext context) {
    Object value = context.config().getOrDefault("quota.limit", 10);
    if (!(value instanceof Integer) || (Integer) value <= 0) {
      throw new IllegalArgumentException("quota.limit must be a positive whole number, not '" + value + "'");
    }
    this.limit = (Integer) value;
  }

  /**
   * The configured limit.
   *
   * @return the limit
   */
  public int limit() {
    return limit;
  }

  @Override
  public String type() {
    return QuotaConstraint.TYPE;
  }

  @Override
  public Class<QuotaConstraint> constraintClass() {
    return QuotaConstraint.class;
  }

  @Override
  public ConstraintOutcome evaluate(QuotaConstraint constraint, PromotionContext context) {
    return constraint.deployments() <= limit ? ConstraintOutcome.pass() : ConstraintOutcome.fail("over quota");
  }
}
