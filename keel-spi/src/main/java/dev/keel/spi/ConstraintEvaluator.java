package dev.keel.spi;

import dev.keel.spi.model.Constraint;
import org.pf4j.ExtensionPoint;

/**
 * Decides whether a constraint lets an artifact version into an environment.
 *
 * <p>The engine persists outcomes, applies user judgements (override pass or fail) and time-outs, so an
 * evaluator never needs a repository. Stateless constraints are re-evaluated every time and run before
 * stateful ones; a stateful constraint's PENDING outcome stops the engine from falling back to older
 * versions.
 *
 * @param <C> the constraint type
 */
public interface ConstraintEvaluator<C extends Constraint> extends ExtensionPoint {

  /**
   * The constraint type as written in configs; unique among evaluators.
   *
   * @return the type, such as {@code depends-on}
   */
  String type();

  /**
   * The class the constraint's YAML binds to.
   *
   * @return the constraint class
   */
  Class<C> constraintClass();

  /**
   * Whether the constraint applies to every environment without being declared (for example "an image
   * is baked"). False by default.
   *
   * @return true for an implicit constraint
   */
  default boolean implicit() {
    return false;
  }

  /**
   * Whether outcomes are kept between evaluations (a judgement) rather than recomputed (depends-on).
   * False by default.
   *
   * @return true for a stateful constraint
   */
  default boolean stateful() {
    return false;
  }

  /**
   * Whether a stateful constraint is evaluated again even after it passed or failed, because its outcome
   * can flip (a time window that closes and opens). False by default; a user's judgement is never
   * re-evaluated.
   *
   * @return true to evaluate every time
   */
  default boolean reevaluates() {
    return false;
  }

  /**
   * Evaluates the constraint. For an implicit constraint the engine passes the instance from
   * {@link #implicitInstance()}.
   *
   * @param constraint the declared constraint
   * @param context the version and environment
   * @return the outcome
   */
  ConstraintOutcome evaluate(C constraint, PromotionContext context);

  /**
   * The constraint to evaluate in every environment when {@link #implicit()} is true.
   *
   * @return the instance
   * @throws UnsupportedOperationException for a constraint that is not implicit
   */
  default C implicitInstance() {
    throw new UnsupportedOperationException(type() + " is not an implicit constraint");
  }
}
