package dev.keel.spinnaker.titus;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.spi.model.Moniker;
import dev.keel.spinnaker.orca.ClusterStages;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The Orca stages Keel sends for each Titus operation (keel-cloud-handlers.md §2.3): {@code createServerGroup}
 * with the container, resources and strategy, the shared resize, disable, rollback and destroy, scaling policies
 * by job id ({@code deleteScalingPolicy} by {@code scalingPolicyID}), and the test container's {@code runJob}.
 *
 * @param ids the name-to-id lookups
 * @param clock the engine's clock, for the deploy's reason
 * @param defaultSecurityGroups the groups Orca adds to every deploy ({@code defaultSecurityGroups}), never sent;
 *     nor is the application's own group, which Titus attaches
 */
public record TitusStages(TitusIds ids, Clock clock, List<String> defaultSecurityGroups) {

  /** The cloud provider, {@value}. */
  public static final String TITUS = "titus";

  /** Checks for nulls. */
  public TitusStages {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(clock, "clock");
    defaultSecurityGroups = List.copyOf(defaultSecurityGroups);
  }

  private static ClusterStages cluster() {
    return new ClusterStages(TITUS, "Titus");
  }

  /**
   * The stages of one operation.
   *
   * @param operation the operation
   * @return its stages, in order
   * @throws IllegalArgumentException for an operation Titus does not run
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> stages(CloudOperation operation) {
    if (operation instanceof ServerGroupOperation.CreateServerGroup<?> c
        && c.serverGroup() instanceof TitusServerGroup g) {
      List<Map<String, Object>> out = new ArrayList<>();
      out.add(cluster().create(deploy(g), (ServerGroupOperation.CreateServerGroup<TitusServerGroup>) c));
      out.addAll(policies(g.account(), g.region(), ClusterStages.nextServerGroupName(g.name(), c.source()), null,
          g.scaling()));
      return out;
    }
    if (operation instanceof ServerGroupOperation.UpsertScalingPolicies<?> u && u.policies() instanceof ScalingSpec s) {
      return policies(u.account(), u.region(), u.serverGroupName(),
          ids.jobId(u.account(), u.region(), u.serverGroupName()), s);
    }
    if (operation instanceof ServerGroupOperation.DeleteScalingPolicies<?> d) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (String id : d.policyIds().stream().sorted().toList()) {
        Map<String, Object> stage = cluster().base("deleteScalingPolicy", d.account(), d.region(),
            d.serverGroupName());
        stage.put("scalingPolicyID", id);
        out.add(stage);
      }
      return out;
    }
    if (operation instanceof ServerGroupOperation sg) {
      return cluster().stages(sg);
    }
    throw new IllegalArgumentException("Titus over Spinnaker cannot run " + operation.type() + " ("
        + operation.getClass().getName() + ")");
  }

  private Map<String, Object> deploy(TitusServerGroup g) {
    Moniker moniker = Moniker.parse(g.name());
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("application", moniker.app());
    stage.put("credentials", g.account());
    stage.put("account", g.account());
    stage.put("network", "default");
    stage.put("inService", true);
    stage.put("targetHealthyDeployPercentage", 100);
    stage.put("useDefaultIamRole", true);
    stage.put("capacityGroup", g.capacityGroup());
    stage.put("entryPoint", g.entryPoint());
    stage.put("env", g.env());
    stage.put("containerAttributes", g.containerAttributes());
    stage.put("constraints", Map.of("hard", g.constraints().hard(), "soft", g.constraints().soft()));
    stage.put("registry", ids.registry(g.account()));
    stage.put("migrationPolicy", Map.of("type", g.migrationPolicy().type()));
    Map<String, Object> resources = new LinkedHashMap<>();
    var r = g.resources().orElse(dev.keel.titus.api.spec.ResourcesSpec.DEFAULT);
    resources.put("cpu", r.cpu());
    resources.put("memory", r.memory());
    resources.put("disk", r.disk());
    resources.put("gpu", r.gpu());
    resources.put("networkMbps", r.networkMbps());
    stage.put("resources", resources);
    stage.put("stack", moniker.stack() == null ? "" : moniker.stack());
    stage.put("freeFormDetails", moniker.detail() == null ? "" : moniker.detail());
    stage.put("tags", g.tags());
    stage.put("reason", "Diff detected at " + clock.instant());
    List<String> names = g.dependencies().securityGroupNames().stream()
        .filter(n -> !defaultSecurityGroups.contains(n) && !n.equals(moniker.app())).toList();
    stage.put("securityGroups", ids.securityGroupIds(g.account(), g.region(), names));
    stage.put("loadBalancers", List.copyOf(g.dependencies().loadBalancerNames()));
    stage.put("targetGroups", List.copyOf(g.dependencies().targetGroups()));
    stage.put("digest", g.container().digest());
    stage.put("imageId", g.container().repository() + ":" + g.container().digest());
    return stage;
  }

  private List<Map<String, Object>> policies(String account, String region, String serverGroup,
      @Nullable String jobId, ScalingSpec scaling) {
    List<Map<String, Object>> out = new ArrayList<>();
    scaling.targetTrackingPolicies().stream().sorted(Comparator.comparing(Object::toString)).forEach(p -> {
      Map<String, Object> stage = cluster().base("upsertScalingPolicy", account, region, serverGroup);
      stage.put("jobId", jobId);
      stage.put("targetTrackingConfiguration", targetTracking(p, serverGroup));
      out.add(stage);
    });
    scaling.stepScalingPolicies().stream().sorted(Comparator.comparing(Object::toString)).forEach(p -> {
      Map<String, Object> stage = cluster().base("upsertScalingPolicy", account, region, serverGroup);
      stage.put("jobId", jobId);
      stage.put("adjustmentType", p.adjustmentType());
      Map<String, Object> alarm = new LinkedHashMap<>();
      alarm.put("region", region);
      alarm.put("actionsEnabled", p.actionsEnabled());
      alarm.put("comparisonOperator", p.comparisonOperator());
      alarm.put("dimensions", ClusterStages.dimensions(p.dimensions(), serverGroup));
      alarm.put("evaluationPeriods", p.evaluationPeriods());
      alarm.put("period", p.period().toSeconds());
      alarm.put("threshold", p.threshold());
      alarm.put("namespace", p.namespace());
      alarm.put("metricName", p.metricName());
      alarm.put("statistic", p.statistic());
      stage.put("alarm", alarm);
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("cooldown", p.cooldown().toSeconds());
      step.put("metricAggregationType", p.metricAggregationType());
      step.put("stepAdjustments", stepAdjustments(p));
      stage.put("step", step);
      out.add(stage);
    });
    return out;
  }

  private static List<Map<String, Object>> stepAdjustments(StepScalingPolicy p) {
    List<Map<String, Object>> out = new ArrayList<>();
    p.stepAdjustments().stream().sorted(Comparator.comparing(Object::toString)).forEach(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metricIntervalLowerBound", s.lowerBound());
      m.put("metricIntervalUpperBound", s.upperBound());
      m.put("scalingAdjustment", s.scalingAdjustment());
      out.add(m);
    });
    return out;
  }

  private static Map<String, Object> targetTracking(TargetTrackingPolicy p, String serverGroup) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("targetValue", p.targetValue());
    config.put("disableScaleIn", p.disableScaleIn());
    config.put("scaleOutCooldown", p.scaleOutCooldown().toSeconds());
    config.put("scaleInCooldown", p.scaleInCooldown().toSeconds());
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
      metric.put("dimensions", ClusterStages.dimensions(c.dimensions(), serverGroup));
      config.put("customizedMetricSpecification", metric);
    }
    return config;
  }

  /**
   * The {@code runJob} stage of a batch job (the test container), run to completion.
   *
   * @param job the job
   * @param registry the account's Docker registry
   * @return the stage
   */
  public static Map<String, Object> runJob(BatchJob job, String registry) {
    Map<String, Object> cluster = new LinkedHashMap<>();
    cluster.put("application", job.application());
    cluster.put("region", job.region());
    cluster.put("imageId", job.image());
    cluster.put("entryPoint", job.entrypoint() == null ? "" : job.entrypoint());
    cluster.put("env", job.env());
    cluster.put("capacityGroup", job.application());
    cluster.put("resources", Map.of("cpu", 1, "memory", 5000, "disk", 10000, "gpu", 0, "networkMbps", 128));
    cluster.put("retries", 0);
    cluster.put("runtimeLimitSecs", 2700);
    cluster.put("securityGroups", List.of());
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("type", "runJob");
    stage.put("application", job.application());
    stage.put("cloudProvider", TITUS);
    stage.put("cloudProviderType", "aws");
    stage.put("account", job.account());
    stage.put("credentials", job.account());
    stage.put("region", job.region());
    stage.put("registry", registry);
    stage.put("cluster", cluster);
    stage.put("deferredInitialization", true);
    stage.put("waitForCompletion", true);
    return stage;
  }
}
