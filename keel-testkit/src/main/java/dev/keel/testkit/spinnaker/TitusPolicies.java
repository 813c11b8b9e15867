package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Titus scaling policies both ways, in the one shape Clouddriver reports on a job ({@code scalingPolicies[].policy})
 * and Keel's {@code upsertScalingPolicy} stage sends ({@code scalingPolicy}): a {@code targetPolicyDescriptor}
 * (whose custom metric carries the job's {@code AutoScalingGroupName} dimension, which is not part of a policy) or
 * a {@code stepPolicyDescriptor} with its {@code alarmConfig} and {@code scalingPolicy}.
 */
final class TitusPolicies {

  private TitusPolicies() {}

  /** A policy descriptor, for the job named {@code job}. */
  static ObjectNode render(Object policy, String job) {
    ObjectNode o = JsonView.object();
    if (policy instanceof TargetTrackingPolicy t) {
      ObjectNode d = o.putObject("targetPolicyDescriptor");
      d.put("targetValue", t.targetValue());
      d.put("scaleOutCooldownSec", t.scaleOutCooldown().toSeconds());
      d.put("scaleInCooldownSec", t.scaleInCooldown().toSeconds());
      d.put("disableScaleIn", t.disableScaleIn());
      if (t.predefinedMetricSpec() != null) {
        ObjectNode p = d.putObject("predefinedMetricSpecification");
        p.put("predefinedMetricType", t.predefinedMetricSpec().type());
        if (t.predefinedMetricSpec().label() != null) {
          p.put("resourceLabel", t.predefinedMetricSpec().label());
        }
      } else {
        TargetTrackingPolicy.CustomMetric m = t.customMetricSpec();
        ObjectNode c = d.putObject("customizedMetricSpecification");
        c.set("dimensions", Ec2Policies.dimensions(m.dimensions(), job));
        c.put("metricName", m.name());
        c.put("namespace", m.namespace());
        c.put("statistic", m.statistic());
        if (m.unit() != null) {
          c.put("unit", m.unit());
        }
      }
      return o;
    }
    StepScalingPolicy s = (StepScalingPolicy) policy;
    ObjectNode d = o.putObject("stepPolicyDescriptor");
    ObjectNode alarm = d.putObject("alarmConfig");
    alarm.put("comparisonOperator", s.comparisonOperator());
    alarm.put("evaluationPeriods", s.evaluationPeriods());
    alarm.put("periodSec", s.period().toSeconds());
    alarm.put("threshold", (double) s.threshold());
    alarm.put("metricNamespace", s.namespace());
    alarm.put("metricName", s.metricName());
    alarm.put("statistic", s.statistic());
    alarm.put("actionsEnabled", s.actionsEnabled());
    if (!s.dimensions().isEmpty()) {
      alarm.set("dimensions", Ec2Policies.dimensions(s.dimensions(), null));
    }
    ObjectNode scaling = d.putObject("scalingPolicy");
    scaling.put("adjustmentType", s.adjustmentType());
    scaling.put("cooldownSec", s.cooldown().toSeconds());
    scaling.put("metricAggregationType", s.metricAggregationType());
    ArrayNode steps = scaling.putArray("stepAdjustments");
    s.stepAdjustments().stream().sorted(Comparator.comparing(String::valueOf)).forEach(a -> {
      ObjectNode step = steps.addObject();
      if (a.lowerBound() != null) {
        step.put("MetricIntervalLowerBound", a.lowerBound());
      }
      if (a.upperBound() != null) {
        step.put("MetricIntervalUpperBound", a.upperBound());
      }
      step.put("scalingAdjustment", a.scalingAdjustment());
    });
    return o;
  }

  /** A policy from its descriptor ({@code policy} of a job's policy, {@code scalingPolicy} of a stage). */
  static Object parse(JsonView descriptor) {
    JsonView target = descriptor.optObject("targetPolicyDescriptor");
    if (target != null) {
      JsonView predefined = target.optObject("predefinedMetricSpecification");
      JsonView custom = target.optObject("customizedMetricSpecification");
      return new TargetTrackingPolicy(target.number("targetValue"), target.bool("disableScaleIn", false),
          seconds(target.optInteger("scaleOutCooldownSec")), seconds(target.optInteger("scaleInCooldownSec")),
          predefined == null ? null : new TargetTrackingPolicy.PredefinedMetric(predefined.text("predefinedMetricType"),
              predefined.optText("resourceLabel")),
          custom == null ? null : new TargetTrackingPolicy.CustomMetric(custom.text("metricName"),
              custom.text("namespace"), custom.text("statistic"), custom.optText("unit"),
              Ec2Policies.dimensions(custom, "dimensions")));
    }
    JsonView step = descriptor.optObject("stepPolicyDescriptor");
    if (step == null) {
      throw HttpProblem.badRequest((descriptor.path().isEmpty() ? "the policy" : descriptor.path())
          + ": expected a targetPolicyDescriptor or a stepPolicyDescriptor");
    }
    JsonView alarm = step.object("alarmConfig");
    JsonView scaling = step.object("scalingPolicy");
    Set<StepScalingPolicy.StepAdjustment> adjustments = new HashSet<>();
    for (JsonView a : scaling.array("stepAdjustments")) {
      adjustments.add(new StepScalingPolicy.StepAdjustment(bound(a, "MetricIntervalLowerBound"),
          bound(a, "MetricIntervalUpperBound"), a.integer("scalingAdjustment")));
    }
    Map<String, String> dimensions = alarm.has("dimensions") ? dimensionsKeepingAll(alarm) : null;
    return new StepScalingPolicy(scaling.text("adjustmentType"), alarm.has("actionsEnabled")
        ? alarm.bool("actionsEnabled", true) : null, alarm.text("comparisonOperator"), dimensions,
        alarm.integer("evaluationPeriods"), Duration.ofSeconds(alarm.integer("periodSec")),
        (int) Math.round(alarm.number("threshold")), alarm.text("metricName"), alarm.text("metricNamespace"),
        alarm.text("statistic"), seconds(scaling.optInteger("cooldownSec")), scaling.optText("metricAggregationType"),
        adjustments);
  }

  /** A step alarm's dimensions as written (Titus does not add the job's to step alarms). */
  private static Map<String, String> dimensionsKeepingAll(JsonView alarm) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (alarm.node().get("dimensions").isObject()) {
      out.putAll(alarm.stringMap("dimensions"));
    } else {
      alarm.array("dimensions").forEach(d -> out.put(d.text("name"), d.text("value", "")));
    }
    return out;
  }

  @Nullable
  private static Double bound(JsonView step, String field) {
    Double v = step.optNumber(field);
    if (v != null) {
      return v;
    }
    String lower = Character.toLowerCase(field.charAt(0)) + field.substring(1);
    return step.optNumber(lower);
  }

  /**
   * A policy as Keel's {@code upsertScalingPolicy} stage sends it for Titus, in EC2's shape: a
   * {@code targetTrackingConfiguration} with the cooldowns, or {@code adjustmentType}, {@code alarm} and
   * {@code step}; the job's {@code AutoScalingGroupName} dimension is left out.
   */
  static Object parseUpsert(JsonView s) {
    JsonView target = s.optObject("targetTrackingConfiguration");
    if (target != null) {
      JsonView predefined = target.optObject("predefinedMetricSpecification");
      JsonView custom = target.optObject("customizedMetricSpecification");
      return new TargetTrackingPolicy(target.number("targetValue"), target.bool("disableScaleIn", false),
          seconds(target.optInteger("scaleOutCooldown")), seconds(target.optInteger("scaleInCooldown")),
          predefined == null ? null : new TargetTrackingPolicy.PredefinedMetric(predefined.text("predefinedMetricType"),
              predefined.optText("resourceLabel")),
          custom == null ? null : new TargetTrackingPolicy.CustomMetric(custom.text("metricName"),
              custom.text("namespace"), custom.text("statistic"), custom.optText("unit"),
              Ec2Policies.dimensions(custom, "dimensions")));
    }
    JsonView alarm = s.object("alarm");
    JsonView step = s.optObject("step") != null ? s.object("step") : s;
    Set<StepScalingPolicy.StepAdjustment> adjustments = new HashSet<>();
    for (JsonView a : step.array("stepAdjustments")) {
      adjustments.add(new StepScalingPolicy.StepAdjustment(bound(a, "MetricIntervalLowerBound"),
          bound(a, "MetricIntervalUpperBound"), a.integer("scalingAdjustment")));
    }
    return new StepScalingPolicy(s.text("adjustmentType"), alarm.bool("actionsEnabled", true),
        alarm.text("comparisonOperator"), Ec2Policies.dimensions(alarm, "dimensions"),
        alarm.integer("evaluationPeriods"), Duration.ofSeconds(alarm.integer("period")),
        (int) Math.round(alarm.number("threshold")), alarm.text("metricName"), alarm.text("namespace"),
        alarm.text("statistic"), seconds(step.optInteger("cooldown")), step.optText("metricAggregationType"),
        adjustments);
  }

  static ScalingSpec plus(ScalingSpec scaling, Object policy) {
    return policy instanceof TargetTrackingPolicy t ? scaling.plus(new ScalingSpec(Set.of(t), null))
        : scaling.plus(new ScalingSpec(null, Set.of((StepScalingPolicy) policy)));
  }

  @Nullable
  private static Duration seconds(@Nullable Integer s) {
    return s == null ? null : Duration.ofSeconds(s);
  }
}
