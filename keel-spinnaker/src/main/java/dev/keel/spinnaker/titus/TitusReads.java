package dev.keel.spinnaker.titus;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.InstanceCounts;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.spinnaker.http.JsonView;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.ScalingPolicyRef;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.ContainerImage;
import dev.keel.titus.api.model.Location;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ConstraintsSpec;
import dev.keel.titus.api.spec.MigrationPolicySpec;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Reads Clouddriver's Titus payloads into the port's models: server groups (jobs) with their scaling policies
 * ({@code targetPolicyDescriptor} and {@code stepPolicyDescriptor}) and Docker images. Security group ids become
 * names in the job's backing AWS account ({@code awsAccount}).
 *
 * @param securityGroupName the name of a security group: (AWS account, region, id) to name
 */
public record TitusReads(SecurityGroupNames securityGroupName) {

  /** Names a security group by id. */
  @FunctionalInterface
  public interface SecurityGroupNames {
    /**
     * A security group's name.
     *
     * @param awsAccount the AWS account
     * @param region the region
     * @param id the id
     * @return the name, or the id when unknown
     */
    String name(String awsAccount, String region, String id);
  }

  /** Checks for null. */
  public TitusReads {
    Objects.requireNonNull(securityGroupName, "securityGroupName");
  }

  /**
   * One job as a server group.
   *
   * @param json the server group (a cluster's element or the active server group)
   * @param account the Titus account asked for, used when the payload names none
   * @return the state
   */
  public TitusServerGroupState serverGroup(JsonView json, String account) {
    String name = json.text("name", "");
    String region = json.text("region", json.get("placement").text("region", ""));
    List<ScalingPolicyRef> policies = policies(json.list("scalingPolicies"));
    Set<TargetTrackingPolicy> tracking = new HashSet<>();
    Set<StepScalingPolicy> steps = new HashSet<>();
    policies.forEach(p -> {
      if (p.targetTracking() != null) {
        tracking.add(p.targetTracking());
      } else {
        steps.add(p.step());
      }
    });
    ScalingSpec scaling = new ScalingSpec(tracking, steps);
    JsonView cap = json.get("capacity");
    Capacity capacity = new Capacity(cap.integer("min", 0), cap.integer("max", 0),
        scaling.hasPolicies() ? null : cap.integer("desired", 0));
    String awsAccount = json.text("awsAccount", account);
    Set<String> groups = new TreeSet<>();
    for (String id : json.texts("securityGroups")) {
      groups.add(id.startsWith("sg-") ? securityGroupName.name(awsAccount, region, id) : id);
    }
    JsonView image = json.get("image");
    JsonView r = json.get("resources");
    ResourcesSpec resources = new ResourcesSpec(r.integer("cpu"), r.integer("memory"), r.integer("disk"),
        r.integer("gpu"), r.integer("networkMbps"));
    JsonView constraints = json.get("constraints");
    String version = json.get("buildInfo").get("docker").text("tag", image.text("dockerImageVersion"));
    TitusServerGroup model = new TitusServerGroup(name, json.text("id"),
        new Location(json.get("placement").text("account", account), region),
        new ContainerImage(image.text("dockerImageName", ""), image.text("dockerImageDigest", "")), capacity,
        json.text("capacityGroup", ""),
        new ConstraintsSpec(constraints.absent() ? null : constraints.textMap("hard"),
            constraints.absent() || constraints.get("soft").absent() ? null : constraints.textMap("soft")),
        new ClusterDependencies(new TreeSet<>(json.texts("loadBalancers")), groups,
            new TreeSet<>(json.texts("targetGroups"))),
        json.text("entryPoint", ""), json.textMap("env"), json.textMap("containerAttributes"),
        new MigrationPolicySpec(json.get("migrationPolicy").text("type")), resources, userTags(json.textMap("tags")),
        scaling, false, version);
    JsonView counts = json.get("instanceCounts");
    InstanceCounts instances = new InstanceCounts(counts.integer("total", 0), counts.integer("up", 0),
        counts.integer("down", 0), counts.integer("unknown", 0) + counts.integer("starting", 0)
            + counts.integer("outOfService", 0));
    return new TitusServerGroupState(name, json.text("id", ""), json.epochMillis("createdTime").orElse(Instant.EPOCH),
        !json.bool("disabled", false), model, instances, policies);
  }

  /** Tags without Titus's and Spinnaker's own labels. */
  private static Map<String, String> userTags(Map<String, String> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach((k, v) -> {
      if (!k.startsWith("titus.") && !List.of("spinnakerAccount", "source", "name").contains(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /**
   * Titus scaling policies with their ids: a target policy with its cooldowns and custom metric (the server
   * group's {@code AutoScalingGroupName} dimension left out), a step policy with its alarm.
   *
   * @param policies the {@code scalingPolicies} elements
   * @return the policies, in Titus's order
   */
  public static List<ScalingPolicyRef> policies(List<JsonView> policies) {
    List<ScalingPolicyRef> out = new ArrayList<>();
    for (JsonView p : policies) {
      String id = p.text("id", "");
      JsonView target = p.get("policy").get("targetPolicyDescriptor");
      JsonView step = p.get("policy").get("stepPolicyDescriptor");
      if (!target.absent()) {
        out.add(new ScalingPolicyRef(id, targetTracking(target), null));
      } else if (!step.absent()) {
        out.add(new ScalingPolicyRef(id, null, step(step)));
      }
    }
    return out;
  }

  private static TargetTrackingPolicy targetTracking(JsonView t) {
    JsonView custom = t.get("customizedMetricSpecification");
    JsonView predefined = t.get("predefinedMetricSpecification");
    TargetTrackingPolicy.CustomMetric metric = null;
    if (!custom.absent()) {
      Map<String, String> dimensions = new LinkedHashMap<>(custom.pairs("dimensions"));
      dimensions.remove("AutoScalingGroupName");
      metric = new TargetTrackingPolicy.CustomMetric(custom.text("metricName", ""), custom.text("namespace", ""),
          custom.text("statistic", ""), custom.text("unit"), dimensions);
    }
    return new TargetTrackingPolicy(t.decimal("targetValue") == null ? 0 : t.decimal("targetValue"),
        t.bool("disableScaleIn", false), seconds(t.integer("scaleOutCooldownSec")),
        seconds(t.integer("scaleInCooldownSec")),
        predefined.absent() ? null : new TargetTrackingPolicy.PredefinedMetric(
            predefined.text("predefinedMetricType", ""), predefined.text("resourceLabel")),
        metric);
  }

  private static StepScalingPolicy step(JsonView s) {
    JsonView alarm = s.get("alarmConfig");
    JsonView policy = s.get("scalingPolicy");
    Set<StepScalingPolicy.StepAdjustment> adjustments = new HashSet<>();
    for (JsonView a : policy.list("stepAdjustments")) {
      adjustments.add(new StepScalingPolicy.StepAdjustment(
          first(a.decimal("metricIntervalLowerBound"), a.decimal("MetricIntervalLowerBound")),
          first(a.decimal("metricIntervalUpperBound"), a.decimal("MetricIntervalUpperBound")),
          a.integer("scalingAdjustment", 0)));
    }
    Double threshold = alarm.decimal("threshold");
    Map<String, String> dimensions = new LinkedHashMap<>(alarm.pairs("metricDimensions").isEmpty()
        ? alarm.pairs("dimensions") : alarm.pairs("metricDimensions"));
    dimensions.remove("AutoScalingGroupName");
    return new StepScalingPolicy(policy.text("adjustmentType", ""), alarm.bool("actionsEnabled", true),
        alarm.text("comparisonOperator", ""), dimensions, alarm.integer("evaluationPeriods", 1),
        Duration.ofSeconds(alarm.integer("periodSec", 60)), threshold == null ? 0 : threshold.intValue(),
        alarm.text("metricName", ""), alarm.text("metricNamespace", alarm.text("namespace", "")),
        alarm.text("statistic", ""), seconds(policy.integer("cooldownSec")), policy.text("metricAggregationType"),
        adjustments);
  }

  @Nullable
  private static Double first(@Nullable Double a, @Nullable Double b) {
    return a != null ? a : b;
  }

  @Nullable
  private static Duration seconds(@Nullable Integer seconds) {
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }

  /**
   * The server groups of a cluster payload in one region, oldest first.
   *
   * @param cluster {@code {accountName, serverGroups}}
   * @param account the account
   * @param region the region
   * @return the states
   */
  public List<TitusServerGroupState> inRegion(JsonView cluster, String account, String region) {
    List<TitusServerGroupState> out = new ArrayList<>();
    for (JsonView g : cluster.list("serverGroups")) {
      if (region.equals(g.text("region"))) {
        out.add(serverGroup(g, account));
      }
    }
    out.sort(Comparator.comparing(TitusServerGroupState::createdAt).thenComparing(TitusServerGroupState::name));
    return out;
  }

  /**
   * Docker images ({@code GET /dockerRegistry/images/find}) of one repository, newest first; entries without a
   * digest are left out.
   *
   * @param images the entries
   * @param repository {@code organization/image}
   * @return the images
   */
  public static List<DockerImage> images(List<JsonView> images, String repository) {
    List<DockerImage> out = new ArrayList<>();
    for (JsonView i : images) {
      String tag = i.text("tag");
      String digest = i.text("digest");
      if (tag == null || digest == null || !repository.equals(i.text("repository", repository))) {
        continue;
      }
      out.add(new DockerImage(repository, tag, digest, date(i)));
    }
    out.sort(Comparator.comparing(DockerImage::createdAt).reversed().thenComparing(DockerImage::tag));
    return out;
  }

  private static Instant date(JsonView image) {
    String date = image.text("date");
    if (date == null) {
      return Instant.EPOCH;
    }
    if (date.matches("\\d+")) {
      return Instant.ofEpochMilli(Long.parseLong(date));
    }
    try {
      return Instant.parse(date);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
