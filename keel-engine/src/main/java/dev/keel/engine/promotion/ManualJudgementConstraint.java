package dev.keel.engine.promotion;

import dev.keel.spi.model.Constraint;
import java.time.Duration;
import javax.annotation.Nullable;

/**
 * A person must approve each version before it enters this environment.
 *
 * @param timeout how long a version waits for a judgement before it fails, or null to wait forever
 */
public record ManualJudgementConstraint(@Nullable Duration timeout) implements Constraint {

  /** The type name, {@value}. */
  public static final String TYPE = "manual-judgement";

  /** Checks that a time-out is positive. */
  public ManualJudgementConstraint {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("manual-judgement timeout must be positive, such as P5D or PT4H");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }
}
