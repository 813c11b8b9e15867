package dev.keel.titus.api.spec;

import java.time.Duration;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A Titus target tracking policy. Titus assigns it an id, which is not part of the policy. Unlike Keel,
 * the predefined metric is read back, so a policy using one is not a permanent diff.
 *
 * @param targetValue the metric value to track
 * @param disableScaleIn whether the policy never scales in
 * @param scaleOutCooldown the cooldown after scaling out, 5 minutes by default
 * @param scaleInCooldown the cooldown after scaling in, 5 minutes by default
 * @param predefinedMetricSpec a predefined metric, or null
 * @param customMetricSpec a custom metric, or null (exactly one of the two)
 */
public record TargetTrackingPolicy(double targetValue, boolean disableScaleIn, @Nullable Duration scaleOutCooldown,
    @Nullable Duration scaleInCooldown, @Nullable PredefinedMetric predefinedMetricSpec,
    @Nullable CustomMetric customMetricSpec) {

  /** Defaults the cooldowns and checks that exactly one metric is given. */
  public TargetTrackingPolicy {
    scaleOutCooldown = scaleOutCooldown == null ? Duration.ofMinutes(5) : scaleOutCooldown;
    scaleInCooldown = scaleInCooldown == null ? Duration.ofMinutes(5) : scaleInCooldown;
    if ((predefinedMetricSpec == null) == (customMetricSpec == null)) {
      throw new IllegalArgumentException("A target tracking policy needs exactly one of predefinedMetricSpec and"
          + " customMetricSpec");
    }
  }

  /**
   * A predefined metric.
   *
   * @param type such as {@code ASGAverageCPUUtilization}
   * @param label the resource label, or null
   */
  public record PredefinedMetric(String type, @Nullable String label) {}

  /**
   * A CloudWatch metric.
   *
   * @param name the metric name
   * @param namespace the namespace
   * @param statistic the statistic
   * @param unit the unit, or null
   * @param dimensions dimensions other than the server group's, or null
   */
  public record CustomMetric(String name, String namespace, String statistic, @Nullable String unit,
      @Nullable Map<String, String> dimensions) {

    /** Copies the dimensions; null is empty; the server group dimension is added by the cloud. */
    public CustomMetric {
      dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
      if (dimensions.containsKey("AutoScalingGroupName")) {
        throw new IllegalArgumentException("Remove the AutoScalingGroupName dimension from the custom metric "
            + name + ": the server group is added for you");
      }
    }
  }
}
