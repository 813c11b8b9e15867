package dev.keel.engine.internal.check;

import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.store.CheckResult;
import javax.annotation.Nullable;

/**
 * The outcome of one check.
 *
 * @param plan what was found and decided
 * @param result the persisted result, or null when the check was skipped (an actuation in progress)
 */
public record CheckReport(ResourcePlan plan, @Nullable CheckResult result) {

  /**
   * Whether the check was skipped without a result.
   *
   * @return true when skipped
   */
  public boolean skipped() {
    return result == null;
  }
}
