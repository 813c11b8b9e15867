package dev.keel.spinnaker.ec2;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.InstanceCounts;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.spec.StepScalingPolicy;
import dev.keel.ec2.api.spec.TargetTrackingPolicy;
import dev.keel.spinnaker.http.JsonView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Reads Clouddriver's EC2 server groups (an element of a cluster's {@code serverGroups}, or the active server group)
 * into the port's {@link Ec2ServerGroupState}: launch settings from {@code launchConfig} or
 * {@code launchTemplate.launchTemplateData}, health and processes from {@code asg}, policies from
 * {@code scalingPolicies}, ids turned into names. The capacity leaves the desired count out when scaling policies
 * decide it, and tags leave out AWS's and Spinnaker's own.
 *
 * @param names the id-to-name lookups
 */
public record Ec2ServerGroupReads(Ec2Names names) {

  /** Checks for null. */
  public Ec2ServerGroupReads {
    Objects.requireNonNull(names, "names");
  }

  /**
   * One server group.
   *
   * @param json the server group
   * @param account the account (Clouddriver's server groups do not always name it)
   * @return the state
   */
  public Ec2ServerGroupState serverGroup(JsonView json, String account) {
    String name = json.text("name", "");
    String region = json.text("region", "");
    JsonView asg = json.get("asg");
    JsonView lc = json.get("launchConfig");
    JsonView lt = json.get("launchTemplate").get("launchTemplateData");
    boolean template = lc.absent() && !lt.absent();
    JsonView image = json.get("image");
    String imageId = template ? lt.text("imageId", image.text("imageId", "")) : lc.text("imageId",
        image.text("imageId", ""));
    String appVersion = json.get("buildInfo").text("package_name") == null ? tag(image, "appversion")
        : json.get("buildInfo").text("package_name") + "-" + json.get("buildInfo").text("version", "");
    if (appVersion != null && appVersion.contains("/")) {
      appVersion = appVersion.substring(0, appVersion.indexOf('/'));
    }
    LaunchConfiguration launch = new LaunchConfiguration(imageId, appVersion, baseImage(image),
        template ? lt.text("instanceType", "") : lc.text("instanceType", ""),
        template ? lt.bool("ebsOptimized", false) : lc.bool("ebsOptimized", false),
        template ? lt.get("iamInstanceProfile").text("name", "") : lc.text("iamInstanceProfile", ""),
        template ? lt.text("keyName", "") : lc.text("keyName", ""),
        template ? lt.get("monitoring").bool("enabled", false) : lc.get("instanceMonitoring").bool("enabled", false),
        template ? lt.text("ramDiskId") : blankToNull(lc.text("ramdiskId")),
        template && "required".equals(lt.get("metadataOptions").text("httpTokens")));
    List<String> subnets = List.of(asg.text("vpczoneIdentifier", "").split(","));
    String vpcId = json.text("vpcId", "");
    Location location = new Location(account, region, vpcId.isEmpty() ? "" : names.vpcName(vpcId),
        subnets.get(0).isBlank() ? null : names.subnetPurpose(subnets.get(0).trim()),
        new TreeSet<>(json.texts("zones")));
    Scaling scaling = scaling(json.list("scalingPolicies"));
    JsonView cap = json.get("capacity");
    Capacity capacity = new Capacity(cap.integer("min", asg.integer("minSize", 0)),
        cap.integer("max", asg.integer("maxSize", 0)),
        scaling.hasPolicies() ? null : cap.integer("desired", asg.integer("desiredCapacity", 0)));
    Set<String> groups = new TreeSet<>();
    for (String id : json.texts("securityGroups")) {
      groups.add(id.startsWith("sg-") ? names.securityGroupName(account, region, id) : id);
    }
    ClusterDependencies dependencies = new ClusterDependencies(new TreeSet<>(json.texts("loadBalancers")), groups,
        new TreeSet<>(json.texts("targetGroups")));
    Health health = new Health(Duration.ofSeconds(asg.integer("defaultCooldown", 10)),
        Duration.ofSeconds(asg.integer("healthCheckGracePeriod", 600)), asg.text("healthCheckType", "EC2"),
        new HashSet<>(asg.list("enabledMetrics").stream().map(m -> m.node().isTextual() ? m.node().asText()
            : m.text("metric", "")).toList()), new HashSet<>(asg.texts("terminationPolicies")));
    Set<String> suspended = new TreeSet<>();
    asg.list("suspendedProcesses").forEach(p -> suspended.add(p.node().isTextual() ? p.node().asText()
        : p.text("processName", "")));
    boolean enabled = !json.bool("disabled", false);
    Ec2ServerGroup model = new Ec2ServerGroup(name, location, launch, capacity, dependencies, health, suspended,
        scaling, tags(asg), false, appVersion);
    JsonView counts = json.get("instanceCounts");
    InstanceCounts instances = new InstanceCounts(counts.integer("total", 0), counts.integer("up", 0),
        counts.integer("down", 0), counts.integer("unknown", 0) + counts.integer("starting", 0)
            + counts.integer("outOfService", 0));
    Instant created = json.epochMillis("createdTime").orElse(Instant.EPOCH);
    return new Ec2ServerGroupState(name, created, enabled, model,
        cap.integer("desired", asg.integer("desiredCapacity", 0)), instances);
  }

  @Nullable
  private static String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }

  @Nullable
  private static String tag(JsonView image, String key) {
    for (JsonView t : image.list("tags")) {
      if (key.equals(t.text("key"))) {
        return t.text("value");
      }
    }
    return image.get("tags").text(key);
  }

  @Nullable
  private static String baseImage(JsonView image) {
    String base = tag(image, "base_ami_name");
    if (base != null) {
      return base;
    }
    String description = image.text("description", "");
    for (String part : description.split(",")) {
      String p = part.trim();
      if (p.startsWith("ancestor_name=")) {
        return p.substring("ancestor_name=".length());
      }
    }
    return null;
  }

  private static Map<String, String> tags(JsonView asg) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonView t : asg.list("tags")) {
      String key = t.text("key");
      if (key != null && !key.startsWith("aws:") && !key.startsWith("spinnaker:") && t.text("value") != null) {
        out.put(key, t.text("value"));
      }
    }
    return out;
  }

  /**
   * EC2 scaling policies as Clouddriver reports them (AWS's {@code DescribePolicies} with the alarms attached).
   *
   * @param policies the {@code scalingPolicies} elements
   * @return the model's policies, without their names
   */
  static Scaling scaling(List<JsonView> policies) {
    Set<TargetTrackingPolicy> tracking = new HashSet<>();
    Set<StepScalingPolicy> steps = new HashSet<>();
    for (JsonView p : policies) {
      Duration warmup = p.integer("estimatedInstanceWarmup") == null ? null
          : Duration.ofSeconds(p.integer("estimatedInstanceWarmup"));
      JsonView tt = p.get("targetTrackingConfiguration");
      if (!tt.absent()) {
        JsonView pre = tt.get("predefinedMetricSpecification");
        JsonView custom = tt.get("customizedMetricSpecification");
        tracking.add(new TargetTrackingPolicy(warmup, tt.decimal("targetValue") == null ? 0 : tt.decimal("targetValue"),
            tt.bool("disableScaleIn", false),
            pre.absent() ? null : new TargetTrackingPolicy.PredefinedMetric(pre.text("predefinedMetricType", ""),
                pre.text("resourceLabel")),
            custom.absent() ? null : new TargetTrackingPolicy.CustomMetric(custom.text("metricName", ""),
                custom.text("namespace", ""), custom.text("statistic", ""), custom.text("unit"),
                withoutGroup(custom.pairs("dimensions")))));
        continue;
      }
      List<JsonView> alarms = p.list("alarms");
      JsonView alarm = alarms.isEmpty() ? JsonView.missing() : alarms.get(0);
      Set<StepScalingPolicy.StepAdjustment> adjustments = new HashSet<>();
      for (JsonView s : p.list("stepAdjustments")) {
        adjustments.add(new StepScalingPolicy.StepAdjustment(s.decimal("metricIntervalLowerBound"),
            s.decimal("metricIntervalUpperBound"), s.integer("scalingAdjustment", 0)));
      }
      if (adjustments.isEmpty()) {
        continue;
      }
      Double threshold = alarm.decimal("threshold");
      steps.add(new StepScalingPolicy(p.text("adjustmentType", ""), alarm.bool("actionsEnabled", true),
          alarm.text("comparisonOperator", ""), withoutGroup(alarm.pairs("dimensions")),
          alarm.integer("evaluationPeriods", 1), Duration.ofSeconds(alarm.integer("period", 60)),
          threshold == null ? 0 : threshold.intValue(), alarm.text("metricName", ""), alarm.text("namespace", ""),
          alarm.text("statistic", ""), warmup, p.text("metricAggregationType"), adjustments));
    }
    return new Scaling(tracking, steps);
  }

  private static Map<String, String> withoutGroup(Map<String, String> dimensions) {
    Map<String, String> out = new LinkedHashMap<>(dimensions);
    out.remove("AutoScalingGroupName");
    return out;
  }

  /**
   * The server groups of a cluster payload in one region, oldest first.
   *
   * @param cluster {@code {accountName, serverGroups}}
   * @param account the account
   * @param region the region
   * @return the states
   */
  public List<Ec2ServerGroupState> inRegion(JsonView cluster, String account, String region) {
    List<Ec2ServerGroupState> out = new ArrayList<>();
    for (JsonView g : cluster.list("serverGroups")) {
      if (region.equals(g.text("region"))) {
        out.add(serverGroup(g, account));
      }
    }
    out.sort(java.util.Comparator.comparing(Ec2ServerGroupState::createdAt)
        .thenComparing(Ec2ServerGroupState::name));
    return out;
  }
}
