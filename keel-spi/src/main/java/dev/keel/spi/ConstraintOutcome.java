package dev.keel.spi;

import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The result of evaluating a constraint for one version in one environment.
 *
 * @param result pass, fail or pending
 * @param message why, for a person, or null
 * @param attributes state the evaluator wants persisted and shown
 */
public record ConstraintOutcome(Result result, @Nullable String message, Map<String, String> attributes) {

  /** The three results of an evaluation. */
  public enum Result {
    /** The version may enter. */
    PASS,
    /** The version may not enter. */
    FAIL,
    /** Not decided yet, such as a judgement nobody has made. */
    PENDING
  }

  /** Checks for nulls and copies the attributes. */
  public ConstraintOutcome {
    Objects.requireNonNull(result, "result");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * A pass.
   *
   * @return the outcome
   */
  public static ConstraintOutcome pass() {
    return new ConstraintOutcome(Result.PASS, null, Map.of());
  }

  /**
   * A failure.
   *
   * @param why the reason
   * @return the outcome
   */
  public static ConstraintOutcome fail(String why) {
    return new ConstraintOutcome(Result.FAIL, why, Map.of());
  }

  /**
   * Not decided yet.
   *
   * @param why what it waits for
   * @return the outcome
   */
  public static ConstraintOutcome pending(String why) {
    return new ConstraintOutcome(Result.PENDING, why, Map.of());
  }
}
