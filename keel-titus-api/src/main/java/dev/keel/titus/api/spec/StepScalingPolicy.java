package dev.keel.titus.api.spec;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A Titus step scaling policy with its alarm. Titus assigns it an id, which is not part of the policy.
 * Unlike Keel, what is read back is what was written ({@code actionsEnabled} and the dimensions included),
 * so a step policy is not a permanent diff.
 *
 * @param adjustmentType such as {@code PercentChangeInCapacity}
 * @param actionsEnabled whether the alarm acts, true by default
 * @param comparisonOperator such as {@code GreaterThanThreshold}
 * @param dimensions alarm dimensions, or null
 * @param evaluationPeriods periods evaluated
 * @param period the period
 * @param threshold the alarm threshold
 * @param metricName the metric
 * @param namespace the namespace
 * @param statistic the statistic
 * @param cooldown the cooldown, 5 minutes by default
 * @param metricAggregationType {@code Average} by default
 * @param stepAdjustments at least one step
 */
public record StepScalingPolicy(String adjustmentType, @Nullable Boolean actionsEnabled, String comparisonOperator,
    @Nullable Map<String, String> dimensions, int evaluationPeriods, Duration period, int threshold, String metricName,
    String namespace, String statistic, @Nullable Duration cooldown, @Nullable String metricAggregationType,
    Set<StepAdjustment> stepAdjustments) {

  /** Defaults and checks. */
  public StepScalingPolicy {
    actionsEnabled = actionsEnabled == null || actionsEnabled;
    cooldown = cooldown == null ? Duration.ofMinutes(5) : cooldown;
    metricAggregationType = metricAggregationType == null ? "Average" : metricAggregationType;
    dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    stepAdjustments = stepAdjustments == null ? Set.of() : Set.copyOf(stepAdjustments);
    if (stepAdjustments.isEmpty()) {
      throw new IllegalArgumentException("The step scaling policy on " + metricName + " needs at least one step"
          + " adjustment");
    }
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("The step scaling policy on " + metricName + " needs a positive period");
    }
  }

  /**
   * One step.
   *
   * @param lowerBound the lower bound, or null
   * @param upperBound the upper bound, or null
   * @param scalingAdjustment the change
   */
  public record StepAdjustment(@Nullable Double lowerBound, @Nullable Double upperBound, int scalingAdjustment) {}
}
