package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.spec.StepScalingPolicy;
import dev.keel.ec2.api.spec.TargetTrackingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * EC2 scaling policies both ways: as Clouddriver reports them on a server group (the AWS
 * {@code ScalingPolicy} with its {@code alarms}, named by the cloud), and as Keel's {@code upsertScalingPolicy}
 * stage sends them ({@code targetTrackingConfiguration}, or {@code adjustmentType}, {@code alarm} and
 * {@code step}). Alarms carry the {@code AutoScalingGroupName} dimension, which is not part of a policy.
 */
final class Ec2Policies {

  static final String ASG_DIMENSION = "AutoScalingGroupName";

  private Ec2Policies() {}

  /** A server group's policies as Clouddriver lists them, in a stable order. */
  static ArrayNode render(Scaling scaling, String asg, String accountId, String region) {
    List<ObjectNode> out = new ArrayList<>();
    scaling.targetTrackingPolicies().forEach(t -> out.add(policy(t, asg, accountId, region)));
    scaling.stepScalingPolicies().forEach(s -> out.add(policy(s, asg, accountId, region)));
    out.sort(Comparator.comparing(o -> o.get("policyName").asText()));
    ArrayNode a = JsonView.array();
    out.forEach(a::add);
    return a;
  }

  /** The name the cloud gives a policy of a server group, derived from the policy's content. */
  static String policyName(String asg, Object policy) {
    String kind = policy instanceof TargetTrackingPolicy ? "target-tracking-policy" : "step-policy";
    return asg + "-" + kind + "-" + FakeIds.hex(JsonView.write(body(policy, "")), 8);
  }

  private static ObjectNode policy(Object policy, String asg, String accountId, String region) {
    ObjectNode o = JsonView.object();
    String name = policyName(asg, policy);
    o.put("autoScalingGroupName", asg);
    o.put("policyName", name);
    o.put("policyARN", FakeIds.arn("autoscaling", region, accountId, "scalingPolicy:" + FakeIds.hex(name, 8)
        + ":autoScalingGroupName/" + asg + ":policyName/" + name));
    o.setAll(body(policy, asg));
    if (o.get("alarms").size() > 0) {
      ((ObjectNode) o.get("alarms").get(0)).put("alarmName", name + "-alarm");
    }
    return o;
  }

  /** The policy's own fields, in a fixed order. */
  private static ObjectNode body(Object policy, String asg) {
    return policy instanceof TargetTrackingPolicy t ? target(t) : step((StepScalingPolicy) policy, asg);
  }

  private static ObjectNode target(TargetTrackingPolicy t) {
    ObjectNode o = JsonView.object();
    o.put("policyType", "TargetTrackingScaling");
    o.put("estimatedInstanceWarmup", t.warmup().toSeconds());
    ObjectNode c = o.putObject("targetTrackingConfiguration");
    c.put("targetValue", t.targetValue());
    c.put("disableScaleIn", t.disableScaleIn());
    if (t.predefinedMetricSpec() != null) {
      ObjectNode p = c.putObject("predefinedMetricSpecification");
      p.put("predefinedMetricType", t.predefinedMetricSpec().type());
      if (t.predefinedMetricSpec().label() != null) {
        p.put("resourceLabel", t.predefinedMetricSpec().label());
      }
    } else {
      TargetTrackingPolicy.CustomMetric m = t.customMetricSpec();
      ObjectNode cm = c.putObject("customizedMetricSpecification");
      cm.put("metricName", m.name());
      cm.put("namespace", m.namespace());
      cm.put("statistic", m.statistic());
      if (m.unit() != null) {
        cm.put("unit", m.unit());
      }
      cm.set("dimensions", dimensions(m.dimensions() == null ? Map.of() : m.dimensions(), null));
    }
    o.set("stepAdjustments", JsonView.array());
    o.set("alarms", JsonView.array());
    return o;
  }

  private static ObjectNode step(StepScalingPolicy s, String asg) {
    ObjectNode o = JsonView.object();
    o.put("policyType", "StepScaling");
    o.put("adjustmentType", s.adjustmentType());
    o.put("estimatedInstanceWarmup", s.warmup().toSeconds());
    o.put("metricAggregationType", s.metricAggregationType());
    o.set("stepAdjustments", steps(s.stepAdjustments()));
    ObjectNode alarm = o.putArray("alarms").addObject();
    alarm.put("actionsEnabled", s.actionsEnabled());
    alarm.put("comparisonOperator", s.comparisonOperator());
    alarm.set("dimensions", dimensions(s.dimensions(), asg.isEmpty() ? null : asg));
    alarm.put("evaluationPeriods", s.evaluationPeriods());
    alarm.put("period", s.period().toSeconds());
    alarm.put("threshold", (double) s.threshold());
    alarm.put("namespace", s.namespace());
    alarm.put("metricName", s.metricName());
    alarm.put("statistic", s.statistic());
    return o;
  }

  private static ArrayNode steps(Set<StepScalingPolicy.StepAdjustment> adjustments) {
    ArrayNode a = JsonView.array();
    adjustments.stream().sorted(Comparator.comparing(String::valueOf)).forEach(adj -> {
      ObjectNode o = a.addObject();
      if (adj.lowerBound() != null) {
        o.put("metricIntervalLowerBound", adj.lowerBound());
      }
      if (adj.upperBound() != null) {
        o.put("metricIntervalUpperBound", adj.upperBound());
      }
      o.put("scalingAdjustment", adj.scalingAdjustment());
    });
    return a;
  }

  /** Dimensions as {@code [{name, value}]}, sorted, the server group's first when given. */
  static ArrayNode dimensions(Map<String, String> dimensions, @Nullable String asg) {
    ArrayNode a = JsonView.array();
    if (asg != null) {
      a.addObject().put("name", ASG_DIMENSION).put("value", asg);
    }
    new TreeMap<>(dimensions).forEach((k, v) -> a.addObject().put("name", k).put("value", v));
    return a;
  }

  /** Dimensions given as {@code [{name, value}]} or as an object, without the server group's. */
  static Map<String, String> dimensions(JsonView parent, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!parent.has(field)) {
      return out;
    }
    if (parent.node().get(field).isObject()) {
      out.putAll(parent.stringMap(field));
    } else {
      for (JsonView d : parent.array(field)) {
        out.put(d.text("name"), d.text("value", ""));
      }
    }
    out.remove(ASG_DIMENSION);
    return out;
  }

  /**
   * One policy of an {@code upsertScalingPolicy} stage, or of a server group's {@code scalingPolicies} as
   * Clouddriver lists them.
   */
  static Object parse(JsonView stage) {
    JsonView target = stage.optObject("targetTrackingConfiguration");
    Duration warmup = seconds(stage.optInteger("estimatedInstanceWarmup"));
    if (target != null) {
      JsonView predefined = target.optObject("predefinedMetricSpecification");
      JsonView custom = target.optObject("customizedMetricSpecification");
      return new TargetTrackingPolicy(warmup, target.number("targetValue"), target.bool("disableScaleIn", false),
          predefined == null ? null : new TargetTrackingPolicy.PredefinedMetric(
              predefined.text("predefinedMetricType"), predefined.optText("resourceLabel")),
          custom == null ? null : new TargetTrackingPolicy.CustomMetric(custom.text("metricName"),
              custom.text("namespace"), custom.text("statistic"), custom.optText("unit"),
              emptyToNull(dimensions(custom, "dimensions"))));
    }
    JsonView alarm = stage.optObject("alarm");
    if (alarm == null && !stage.array("alarms").isEmpty()) {
      alarm = stage.array("alarms").get(0);
    }
    if (alarm == null) {
      throw HttpProblem.badRequest((stage.path().isEmpty() ? "the stage" : stage.path())
          + ": a scaling policy needs targetTrackingConfiguration, or adjustmentType with an alarm");
    }
    JsonView step = stage.optObject("step");
    JsonView steps = step != null ? step : stage;
    Duration stepWarmup = seconds(steps.optInteger("estimatedInstanceWarmup"));
    Set<StepScalingPolicy.StepAdjustment> adjustments = new HashSet<>();
    for (JsonView a : steps.array("stepAdjustments")) {
      adjustments.add(new StepScalingPolicy.StepAdjustment(a.optNumber("metricIntervalLowerBound"),
          a.optNumber("metricIntervalUpperBound"), a.integer("scalingAdjustment")));
    }
    return new StepScalingPolicy(stage.text("adjustmentType"), alarm.bool("actionsEnabled", true),
        alarm.text("comparisonOperator"), dimensions(alarm, "dimensions"), alarm.integer("evaluationPeriods"),
        Duration.ofSeconds(alarm.integer("period")), (int) Math.round(alarm.number("threshold")),
        alarm.text("metricName"), alarm.text("namespace"), alarm.text("statistic"),
        stepWarmup != null ? stepWarmup : warmup, steps.optText("metricAggregationType"), adjustments);
  }

  /** Adds a parsed policy to policies. */
  static Scaling plus(Scaling scaling, Object policy) {
    return policy instanceof TargetTrackingPolicy t ? scaling.plus(new Scaling(Set.of(t), Set.of()))
        : scaling.plus(new Scaling(Set.of(), Set.of((StepScalingPolicy) policy)));
  }

  @Nullable
  private static Map<String, String> emptyToNull(Map<String, String> m) {
    return m.isEmpty() ? null : m;
  }

  @Nullable
  private static Duration seconds(@Nullable Integer s) {
    return s == null ? null : Duration.ofSeconds(s);
  }
}
