package dev.keel.spinnaker.ec2;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.spec.StepScalingPolicy;
import dev.keel.ec2.api.spec.TargetTrackingPolicy;
import dev.keel.spi.model.Moniker;
import dev.keel.spinnaker.orca.ClusterStages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Orca stages Keel sends for each EC2 operation (spinnaker-adapters.md §4): server group operations through
 * {@link ClusterStages} with EC2's own deploy body, scaling policies as AWS takes them, and security groups, load
 * balancers and bakes through {@link Ec2ResourceStages}.
 *
 * @param ids the name-to-id lookups
 * @param clock the engine's clock, for the deploy's reason
 * @param defaultSecurityGroups the groups Orca adds to every deploy ({@code defaultSecurityGroups}), never sent
 */
public record Ec2Stages(Ec2Ids ids, Clock clock, List<String> defaultSecurityGroups) {

  /** The cloud provider, {@value}. */
  public static final String AWS = "aws";

  /** Checks for nulls. */
  public Ec2Stages {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(clock, "clock");
    defaultSecurityGroups = List.copyOf(defaultSecurityGroups);
  }

  /**
   * The stages of one operation.
   *
   * @param operation the operation
   * @return its stages, in order
   * @throws IllegalArgumentException for an operation EC2 does not run
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> stages(CloudOperation operation) {
    if (operation instanceof Ec2Operation op) {
      return List.of(new Ec2ResourceStages(ids).stage(op));
    }
    ClusterStages cluster = new ClusterStages(AWS, "Amazon");
    if (operation instanceof ServerGroupOperation.CreateServerGroup<?> c
        && c.serverGroup() instanceof Ec2ServerGroup g) {
      List<Map<String, Object>> out = new ArrayList<>();
      out.add(cluster.create(deploy(g, c.source()), (ServerGroupOperation.CreateServerGroup<Ec2ServerGroup>) c));
      String next = ClusterStages.nextServerGroupName(g.name(), c.source());
      out.addAll(policies(g.account(), g.region(), next, g.scaling()));
      return out;
    }
    if (operation instanceof ServerGroupOperation.UpsertScalingPolicies<?> u && u.policies() instanceof Scaling s) {
      return policies(u.account(), u.region(), u.serverGroupName(), s);
    }
    if (operation instanceof ServerGroupOperation.DeleteScalingPolicies<?> d && d.policies() instanceof Scaling s) {
      List<Object> policies = new ArrayList<>(s.targetTrackingPolicies());
      policies.addAll(s.stepScalingPolicies());
      List<Map<String, Object>> out = new ArrayList<>();
      for (String name : ids.policyNames(d.account(), d.region(), d.serverGroupName(), policies)) {
        Map<String, Object> stage = cluster.base("deleteScalingPolicy", d.account(), d.region(), d.serverGroupName());
        stage.put("policyName", name);
        out.add(stage);
      }
      return out;
    }
    if (operation instanceof ServerGroupOperation sg) {
      return cluster.stages(sg);
    }
    throw new IllegalArgumentException("EC2 over Spinnaker cannot run " + operation.type() + " ("
        + operation.getClass().getName() + ")");
  }

  private Map<String, Object> deploy(Ec2ServerGroup g, String source) {
    Moniker moniker = Moniker.parse(g.name());
    var lc = g.launchConfiguration();
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("application", moniker.app());
    stage.put("credentials", g.account());
    stage.put("account", g.account());
    stage.put("targetHealthyDeployPercentage", 100);
    stage.put("cooldown", g.health().cooldown().toSeconds());
    stage.put("enabledMetrics", sorted(g.health().enabledMetrics()));
    stage.put("healthCheckType", g.health().healthCheckType());
    stage.put("healthCheckGracePeriod", g.health().warmup().toSeconds());
    stage.put("instanceMonitoring", lc.instanceMonitoring());
    stage.put("ebsOptimized", lc.ebsOptimized());
    stage.put("iamRole", lc.iamRole());
    stage.put("terminationPolicies", sorted(g.health().terminationPolicies()));
    stage.put("subnetType", g.location().subnet());
    stage.put("availabilityZones", Map.of(g.region(), List.copyOf(g.location().availabilityZones())));
    stage.put("keyPair", lc.keyPair());
    stage.put("suspendedProcesses", List.copyOf(g.suspendedProcesses()));
    List<String> groups = new ArrayList<>();
    for (String name : g.dependencies().securityGroupNames()) {
      if (!defaultSecurityGroups.contains(name)) {
        groups.add(ids.securityGroupId(g.account(), g.region(), g.location().vpc(), name));
      }
    }
    stage.put("securityGroups", groups);
    stage.put("stack", moniker.stack() == null ? "" : moniker.stack());
    stage.put("freeFormDetails", moniker.detail() == null ? "" : moniker.detail());
    stage.put("tags", g.tags());
    stage.put("useAmiBlockDeviceMappings", false);
    stage.put("copySourceCustomBlockDeviceMappings", source != null);
    stage.put("virtualizationType", "hvm");
    stage.put("amiName", lc.imageId());
    stage.put("reason", "Diff detected at " + clock.instant());
    stage.put("instanceType", lc.instanceType());
    stage.put("loadBalancers", List.copyOf(g.dependencies().loadBalancerNames()));
    stage.put("targetGroups", List.copyOf(g.dependencies().targetGroups()));
    stage.put("requireIMDSv2", lc.requireIMDSv2());
    if (lc.ramdiskId() != null) {
      stage.put("ramdiskId", lc.ramdiskId());
    }
    return stage;
  }

  private static List<String> sorted(java.util.Set<String> values) {
    return values.stream().sorted().toList();
  }

  /**
   * The stages that add scaling policies to a server group: target tracking first, then step, each sorted so the
   * body is stable.
   */
  private List<Map<String, Object>> policies(String account, String region, String serverGroup, Scaling scaling) {
    ClusterStages cluster = new ClusterStages(AWS, "Amazon");
    List<Map<String, Object>> out = new ArrayList<>();
    scaling.targetTrackingPolicies().stream().sorted(Comparator.comparing(Object::toString)).forEach(p -> {
      Map<String, Object> stage = cluster.base("upsertScalingPolicy", account, region, serverGroup);
      stage.put("estimatedInstanceWarmup", p.warmup().toSeconds());
      stage.put("targetTrackingConfiguration", targetTracking(p));
      out.add(stage);
    });
    scaling.stepScalingPolicies().stream().sorted(Comparator.comparing(Object::toString)).forEach(p -> {
      Map<String, Object> stage = cluster.base("upsertScalingPolicy", account, region, serverGroup);
      stage.put("adjustmentType", p.adjustmentType());
      Map<String, Object> alarm = new LinkedHashMap<>();
      alarm.put("region", region);
      alarm.put("actionsEnabled", p.actionsEnabled());
      alarm.put("comparisonOperator", p.comparisonOperator());
      alarm.put("dimensions", ClusterStages.dimensions(p.dimensions(), null));
      alarm.put("evaluationPeriods", p.evaluationPeriods());
      alarm.put("period", p.period().toSeconds());
      alarm.put("threshold", p.threshold());
      alarm.put("namespace", p.namespace());
      alarm.put("metricName", p.metricName());
      alarm.put("statistic", p.statistic());
      stage.put("alarm", alarm);
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("estimatedInstanceWarmup", p.warmup().toSeconds());
      step.put("metricAggregationType", p.metricAggregationType());
      step.put("stepAdjustments", stepAdjustments(p.stepAdjustments()));
      stage.put("step", step);
      out.add(stage);
    });
    return out;
  }

  private static Map<String, Object> targetTracking(TargetTrackingPolicy p) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("targetValue", p.targetValue());
    config.put("disableScaleIn", p.disableScaleIn());
    if (p.predefinedMetricSpec() != null) {
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("predefinedMetricType", p.predefinedMetricSpec().type());
      metric.put("resourceLabel", p.predefinedMetricSpec().label());
      config.put("predefinedMetricSpecification", metric);
    } else {
      var c = p.customMetricSpec();
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("metricName", c.name());
      metric.put("namespace", c.namespace());
      metric.put("statistic", c.statistic());
      metric.put("unit", c.unit());
      metric.put("dimensions", ClusterStages.dimensions(c.dimensions() == null ? Map.of() : c.dimensions(), null));
      config.put("customizedMetricSpecification", metric);
    }
    return config;
  }

  static List<Map<String, Object>> stepAdjustments(java.util.Set<StepScalingPolicy.StepAdjustment> steps) {
    List<Map<String, Object>> out = new ArrayList<>();
    steps.stream().sorted(Comparator.comparing(Object::toString)).forEach(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metricIntervalLowerBound", s.lowerBound());
      m.put("metricIntervalUpperBound", s.upperBound());
      m.put("scalingAdjustment", s.scalingAdjustment());
      out.add(m);
    });
    return out;
  }
}
