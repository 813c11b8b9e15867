package dev.keel.ec2.api.spec;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A step scaling policy with its CloudWatch alarm. Its name is given by the cloud.
 *
 * @param adjustmentType such as {@code PercentChangeInCapacity}
 * @param actionsEnabled whether the alarm acts
 * @param comparisonOperator such as {@code LessThanThreshold}
 * @param dimensions alarm dimensions, or null; never {@code AutoScalingGroupName}
 * @param evaluationPeriods periods evaluated
 * @param period the period
 * @param threshold the alarm threshold
 * @param metricName the metric
 * @param namespace the namespace
 * @param statistic the statistic
 * @param warmup the instance warm-up, default 5 minutes
 * @param metricAggregationType default {@code Average}
 * @param stepAdjustments at least one step
 */
public record StepScalingPolicy(String adjustmentType, boolean actionsEnabled, String comparisonOperator,
    @Nullable Map<String, String> dimensions, int evaluationPeriods, Duration period, int threshold, String metricName,
    String namespace, String statistic, @Nullable Duration warmup, @Nullable String metricAggregationType,
    Set<StepAdjustment> stepAdjustments) {

  /** Keel's validations: a step, no group dimension, period × evaluations at most a day. */
  public StepScalingPolicy {
    warmup = warmup == null ? Duration.ofMinutes(5) : warmup;
    metricAggregationType = metricAggregationType == null ? "Average" : metricAggregationType;
    stepAdjustments = stepAdjustments == null ? Set.of() : Set.copyOf(stepAdjustments);
    dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    if (stepAdjustments.isEmpty()) {
      throw new IllegalArgumentException("A step scaling policy needs at least one step adjustment");
    }
    if (dimensions.containsKey("AutoScalingGroupName")) {
      throw new IllegalArgumentException("Remove the AutoScalingGroupName dimension from the step scaling policy:"
          + " the server group is added for you");
    }
    if (period == null || period.multipliedBy(evaluationPeriods).compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("A step scaling policy's period x evaluationPeriods must be at most one day,"
          + " got " + period + " x " + evaluationPeriods);
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
