package dev.keel.ec2.api.spec;

import java.time.Duration;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A target tracking scaling policy. Its name is given by the cloud and is not part of the policy.
 *
 * @param warmup the instance warm-up, default 5 minutes
 * @param targetValue the metric value to track
 * @param disableScaleIn whether the policy never scales in
 * @param predefinedMetricSpec a predefined metric, or null
 * @param customMetricSpec a custom metric, or null (exactly one of the two)
 */
public record TargetTrackingPolicy(@Nullable Duration warmup, double targetValue, boolean disableScaleIn,
    @Nullable PredefinedMetric predefinedMetricSpec, @Nullable CustomMetric customMetricSpec) {

  /** Defaults the warm-up and checks that exactly one metric is given. */
  public TargetTrackingPolicy {
    warmup = warmup == null ? Duration.ofMinutes(5) : warmup;
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
   * @param dimensions dimensions other than the auto scaling group, or null
   */
  public record CustomMetric(String name, String namespace, String statistic, @Nullable String unit,
      @Nullable Map<String, String> dimensions) {}
}
