package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.spi.model.Moniker;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * An EC2 server group as Clouddriver reports it (an {@code AmazonServerGroup}: Keel's
 * {@code ActiveServerGroup}): the auto scaling group, its launch configuration (or, for a group requiring IMDSv2,
 * launch template), image with its tags, scaling policies, and the ids of its VPC, subnets and security groups.
 */
final class Ec2ServerGroupJson {

  private final Clouds clouds;
  private final FakeIds ids;

  Ec2ServerGroupJson(Clouds clouds, FakeIds ids) {
    this.clouds = clouds;
    this.ids = ids;
  }

  String accountId(String account) {
    return clouds.optionalEc2().flatMap(ec2 -> ec2.account(account)).map(Catalog.Account::accountId)
        .orElse(String.valueOf(Long.parseLong(FakeIds.hex(account, 10), 16) % 1_000_000_000_000L));
  }

  /** A VPC's id, or a made-up one for a VPC the cloud does not know (or with only a Titus attached). */
  String vpcId(String account, String region, String vpc) {
    return clouds.optionalEc2().flatMap(ec2 -> ec2.network(account, region, vpc)).map(Catalog.Network::id)
        .orElse("vpc-" + FakeIds.hex(account + "/" + region + "/" + vpc, 8));
  }

  /** The subnets of a purpose in a VPC, in some zones (all zones when none are given), sorted. */
  List<String> subnetIds(Location l) {
    if (l.subnet() == null) {
      return List.of();
    }
    String vpcId = vpcId(l.account(), l.region(), l.vpc());
    return clouds.ec2().subnets(l.account(), l.region()).stream()
        .filter(s -> s.vpcId().equals(vpcId) && l.subnet().equals(s.purpose()))
        .filter(s -> l.availabilityZones().isEmpty() || l.availabilityZones().contains(s.availabilityZone()))
        .map(Catalog.Subnet::id).sorted().toList();
  }

  /** The image holding an AMI in a region, if the cloud lists its images. */
  Optional<Catalog.Image> image(String region, String ami) {
    return clouds.inventory().flatMap(i -> i.images().stream().filter(im -> ami.equals(im.amis().get(region)))
        .reduce((a, b) -> b));
  }

  ArrayNode securityGroupIds(String account, String region, Iterable<String> names) {
    TreeSet<String> out = new TreeSet<>();
    names.forEach(n -> out.add(ids.securityGroupId(account, region, n)));
    return JsonView.strings(out);
  }

  ObjectNode render(Ec2ServerGroupState s) {
    Ec2ServerGroup m = s.model();
    Location l = m.location();
    LaunchConfiguration lc = m.launchConfiguration();
    String accountId = accountId(l.account());
    String vpcId = vpcId(l.account(), l.region(), l.vpc());
    ArrayNode sgIds = securityGroupIds(l.account(), l.region(), m.dependencies().securityGroupNames());
    long created = ClusterJson.millis(s.createdAt());
    ObjectNode o = JsonView.object();
    o.put("name", s.name());
    o.put("type", "aws");
    o.put("cloudProvider", "aws");
    o.put("accountName", l.account());
    o.put("region", l.region());
    o.set("zones", JsonView.strings(l.availabilityZones()));
    o.put("vpcId", vpcId);
    o.put("disabled", !s.enabled());
    o.put("createdTime", created);
    o.set("moniker", ClusterJson.moniker(s.name()));
    o.set("image", image(l, lc, accountId));
    if (lc.requireIMDSv2()) {
      o.set("launchTemplate", launchTemplate(s.name(), lc, sgIds, accountId, l.region(), created));
    } else {
      o.set("launchConfig", launchConfig(s.name(), lc, sgIds, accountId, l.region(), created));
    }
    o.set("asg", asg(s, m, created));
    o.set("scalingPolicies", Ec2Policies.render(m.scaling(), s.name(), accountId, l.region()));
    o.set("targetGroups", JsonView.strings(m.dependencies().targetGroups()));
    o.set("loadBalancers", JsonView.strings(m.dependencies().loadBalancerNames()));
    o.set("securityGroups", sgIds);
    ObjectNode capacity = o.putObject("capacity");
    capacity.put("min", m.capacity().min());
    capacity.put("max", m.capacity().max());
    capacity.put("desired", s.desiredInstances());
    o.set("instanceCounts", ClusterJson.instanceCounts(s.instances()));
    o.putArray("instances");
    o.set("buildInfo", buildInfo(lc.appVersion()));
    return o;
  }

  private ObjectNode image(Location l, LaunchConfiguration lc, String accountId) {
    Optional<Catalog.Image> known = image(l.region(), lc.imageId());
    String name = known.map(Catalog.Image::name).orElse(lc.appVersion() == null ? lc.imageId() : lc.appVersion());
    ObjectNode image = JsonView.object();
    image.put("imageId", lc.imageId());
    image.put("name", name);
    image.put("imageLocation", accountId + "/" + name);
    image.put("description", "name=" + name + (lc.appVersion() == null ? "" : ", appversion=" + lc.appVersion())
        + (lc.baseImageName() == null ? "" : ", base_ami_name=" + lc.baseImageName()));
    image.put("virtualizationType", "hvm");
    image.put("state", "available");
    ArrayNode tags = image.putArray("tags");
    if (lc.appVersion() != null) {
      tags.addObject().put("key", "appversion").put("value", lc.appVersion());
    }
    if (lc.baseImageName() != null) {
      tags.addObject().put("key", "base_ami_name").put("value", lc.baseImageName());
      tags.addObject().put("key", "base_ami_version").put("value", lc.baseImageName());
    }
    tags.addObject().put("key", "creator").put("value", "keel@spinnaker.io");
    return image;
  }

  private static ObjectNode launchConfig(String name, LaunchConfiguration lc, ArrayNode sgIds, String accountId,
      String region, long created) {
    ObjectNode o = JsonView.object();
    String lcName = name + "-" + created;
    o.put("launchConfigurationName", lcName);
    o.put("launchConfigurationARN", FakeIds.arn("autoscaling", region, accountId,
        "launchConfiguration:" + FakeIds.hex(lcName, 8) + ":launchConfigurationName/" + lcName));
    o.put("imageId", lc.imageId());
    o.put("keyName", lc.keyPair());
    o.set("securityGroups", sgIds.deepCopy());
    o.put("instanceType", lc.instanceType());
    if (lc.ramdiskId() != null) {
      o.put("ramdiskId", lc.ramdiskId());
    }
    o.putArray("blockDeviceMappings");
    o.putObject("instanceMonitoring").put("enabled", lc.instanceMonitoring());
    o.put("iamInstanceProfile", lc.iamRole());
    o.put("ebsOptimized", lc.ebsOptimized());
    o.put("createdTime", created);
    return o;
  }

  private static ObjectNode launchTemplate(String name, LaunchConfiguration lc, ArrayNode sgIds, String accountId,
      String region, long created) {
    ObjectNode o = JsonView.object();
    o.put("launchTemplateName", name + "-" + created);
    o.put("launchTemplateId", "lt-" + FakeIds.hex(name + created, 17));
    o.put("latestVersionNumber", 1);
    ObjectNode d = o.putObject("launchTemplateData");
    d.put("imageId", lc.imageId());
    d.put("keyName", lc.keyPair());
    d.put("instanceType", lc.instanceType());
    d.putObject("iamInstanceProfile").put("name", lc.iamRole());
    d.putObject("monitoring").put("enabled", lc.instanceMonitoring());
    d.put("ebsOptimized", lc.ebsOptimized());
    if (lc.ramdiskId() != null) {
      d.put("ramDiskId", lc.ramdiskId());
    }
    d.putObject("metadataOptions").put("httpTokens", lc.requireIMDSv2() ? "required" : "optional")
        .put("httpEndpoint", "enabled");
    d.set("securityGroupIds", sgIds.deepCopy());
    d.putArray("blockDeviceMappings");
    return o;
  }

  private ObjectNode asg(Ec2ServerGroupState s, Ec2ServerGroup m, long created) {
    ObjectNode a = JsonView.object();
    a.put("autoScalingGroupName", s.name());
    a.put("minSize", m.capacity().min());
    a.put("maxSize", m.capacity().max());
    a.put("desiredCapacity", s.desiredInstances());
    a.put("defaultCooldown", m.health().cooldown().toSeconds());
    a.set("availabilityZones", JsonView.strings(m.location().availabilityZones()));
    a.set("loadBalancerNames", JsonView.strings(m.dependencies().loadBalancerNames()));
    a.put("healthCheckType", m.health().healthCheckType());
    a.put("healthCheckGracePeriod", m.health().warmup().toSeconds());
    a.put("createdTime", created);
    ArrayNode processes = a.putArray("suspendedProcesses");
    new TreeSet<>(m.suspendedProcesses()).forEach(p -> processes.addObject().put("processName", p)
        .put("suspensionReason", "User suspended at " + s.createdAt()));
    ArrayNode metrics = a.putArray("enabledMetrics");
    new TreeSet<>(m.health().enabledMetrics()).forEach(x -> metrics.addObject().put("metric", x)
        .put("granularity", "1Minute"));
    ArrayNode tags = a.putArray("tags");
    new TreeMap<>(m.tags()).forEach((k, v) -> tags.addObject().put("key", k).put("value", v)
        .put("propagateAtLaunch", true).put("resourceId", s.name()).put("resourceType", "auto-scaling-group"));
    a.set("terminationPolicies", JsonView.strings(new TreeSet<>(m.health().terminationPolicies())));
    a.put("vpczoneIdentifier", String.join(",", subnetIds(m.location())));
    return a;
  }

  /** Clouddriver's build info, parsed from the image's {@code appversion} ({@code <package>-<version>}). */
  private static ObjectNode buildInfo(@Nullable String appVersion) {
    ObjectNode b = JsonView.object();
    if (appVersion == null) {
      return b;
    }
    String plain = appVersion.contains("/") ? appVersion.substring(0, appVersion.indexOf('/')) : appVersion;
    int cut = -1;
    for (int i = 0; i + 1 < plain.length(); i++) {
      if (plain.charAt(i) == '-' && Character.isDigit(plain.charAt(i + 1))) {
        cut = i;
        break;
      }
    }
    b.put("package_name", cut < 0 ? plain : plain.substring(0, cut));
    b.put("version", cut < 0 ? "" : plain.substring(cut + 1));
    return b;
  }

  /** The moniker's application of a name, or null when the name does not parse. */
  @Nullable
  static String app(String name) {
    try {
      return Moniker.parse(name).app();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The EC2 of the fake. */
  Ec2Cloud ec2() {
    return clouds.ec2();
  }
}
