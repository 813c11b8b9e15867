package dev.keel.testkit.spinnaker;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.ServerGroupState;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Inventory;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Orca's EC2 stages as Keel sends them (reference §4), read back into the EC2 port's operations: server group
 * stages (a {@code createServerGroup} with its strategy and the policies chained after it, resizes, scaling
 * policies by name), security groups, load balancers ({@link Ec2ResourceStages}) and bakes. Consecutive policy
 * stages of one server group become one operation, as the handler planned them.
 */
final class Ec2Stages {

  private static final Pattern PACKAGE = Pattern.compile("(.+?)_(.+?)(?:_[^_]+)?\\.deb");
  private static final Pattern VPC_IN_PURPOSE = Pattern.compile(".*\\((.+)\\)");

  private final Clouds clouds;
  private final FakeIds ids;
  private final Ec2ResourceStages resources;

  Ec2Stages(Clouds clouds, FakeIds ids) {
    this.clouds = clouds;
    this.ids = ids;
    this.resources = new Ec2ResourceStages(this);
  }

  Ec2Cloud ec2() {
    return clouds.ec2();
  }

  FakeIds ids() {
    return ids;
  }

  List<String> securityGroupNames(String account, String region, List<String> idsOrNames) {
    List<String> candidates = clouds.securityGroupNames(account, region);
    return idsOrNames.stream().map(i -> ids.securityGroupNameOrSelf(account, region, i, candidates)).toList();
  }

  /** A VPC's name from its id, or the default VPC when the cloud does not list it. */
  String vpcName(String account, String region, String vpcId) {
    return clouds.inventory().map(Ec2Inventory::networks).orElse(List.of()).stream()
        .filter(n -> n.account().equals(account) && n.region().equals(region) && n.id().equals(vpcId))
        .map(Catalog.Network::name).findFirst().orElse(Locations.DEFAULT_VPC);
  }

  /** The VPC of a subnet purpose: the VPC of the region's subnets with that purpose. */
  String vpcOfPurpose(String account, String region, String purpose) {
    Optional<String> vpcId = ec2().subnets(account, region).stream().filter(s -> purpose.equals(s.purpose()))
        .map(Catalog.Subnet::vpcId).findFirst();
    if (vpcId.isPresent()) {
      return vpcName(account, region, vpcId.get());
    }
    Matcher m = VPC_IN_PURPOSE.matcher(purpose);
    return m.matches() ? m.group(1) : Locations.DEFAULT_VPC;
  }

  /**
   * The operations of a job's EC2 stages.
   *
   * @param stages the stages, helpers removed
   * @param trigger the job's trigger, whose artifacts a bake names, or null
   */
  List<CloudOperation> parse(List<JsonView> stages, @Nullable JsonView trigger) {
    List<CloudOperation> ops = new ArrayList<>();
    for (JsonView stage : stages) {
      String type = ServerGroupStages.type(stage);
      switch (type) {
        case "createServerGroup" -> ops.add(create(stage));
        case "upsertScalingPolicy" -> upsertPolicy(stage, ops);
        case "deleteScalingPolicy" -> deletePolicy(stage, ops);
        case "bake" -> ops.add(bake(stage, trigger));
        default -> ops.add(resources.parse(stage).or(() -> ServerGroupStages.common(stage, this::groups))
            .orElseThrow(() -> HttpProblem.badRequest(stage.path() + ": the fake Spinnaker runs no EC2 stage of"
                + " type " + type)));
      }
    }
    return ServerGroupStages.foldEnableAndResize(ops);
  }

  private List<Ec2ServerGroupState> groups(String account, String region, String cluster) {
    try {
      return ec2().serverGroups(account, region, cluster);
    } catch (RuntimeException e) {
      throw new HttpProblem(503, "Cannot read " + cluster + " in " + account + "/" + region + ": " + e.getMessage());
    }
  }

  private ServerGroupOperation.CreateServerGroup<Ec2ServerGroup> create(JsonView s) {
    String account = ServerGroupStages.account(s);
    String region = ServerGroupStages.region(s);
    JsonView zonesByRegion = s.optObject("availabilityZones");
    Set<String> zones = new HashSet<>(zonesByRegion == null ? List.of() : zonesByRegion.strings(region));
    String subnet = s.optText("subnetType");
    String vpc = subnet == null ? Locations.DEFAULT_VPC : vpcOfPurpose(account, region, subnet);
    String ami = s.optText("amiName") != null ? s.text("amiName") : s.text("imageId");
    Optional<Catalog.Image> image = clouds.inventory().flatMap(i -> i.images().stream()
        .filter(im -> ami.equals(im.amis().get(region))).reduce((a, b) -> b));
    String appVersion = image.map(Catalog.Image::appVersion).orElse(null);
    LaunchConfiguration lc = new LaunchConfiguration(ami, appVersion, image.map(Catalog.Image::baseImageName)
        .orElse(null), s.text("instanceType"), s.bool("ebsOptimized", false), s.text("iamRole"), s.text("keyPair"),
        s.bool("instanceMonitoring", false), s.optText("ramdiskId"), s.bool("requireIMDSv2", false));
    Health health = new Health(Duration.ofSeconds(s.integer("cooldown", 10)),
        Duration.ofSeconds(s.integer("healthCheckGracePeriod", 600)), s.text("healthCheckType", "EC2"),
        new HashSet<>(s.strings("enabledMetrics")), new LinkedHashSet<>(s.strings("terminationPolicies")));
    Set<String> groups = new HashSet<>(securityGroupNames(account, region, s.strings("securityGroups")));
    String groupVpc = vpc;
    groups.addAll(clouds.orcaDefaultSecurityGroups(g -> ec2().securityGroup(account, region, groupVpc, g).isPresent(),
        groups));
    ClusterDependencies dependencies = new ClusterDependencies(new HashSet<>(s.strings("loadBalancers")), groups,
        new HashSet<>(s.strings("targetGroups")));
    Scaling scaling = Scaling.NONE;
    for (JsonView policy : s.array("scalingPolicies")) {
      scaling = Ec2Policies.plus(scaling, Ec2Policies.parse(policy));
    }
    Capacity capacity = ServerGroupStages.capacity(s.object("capacity"));
    Ec2ServerGroup model = new Ec2ServerGroup(ServerGroupStages.clusterName(s),
        new Location(account, region, vpc, subnet, zones), lc,
        scaling.hasPolicies() ? ServerGroupStages.autoScaled(capacity) : capacity,
        dependencies, health, new HashSet<>(s.strings("suspendedProcesses")), scaling, s.stringMap("tags"), true,
        appVersion);
    JsonView source = s.optObject("source");
    String sourceName = source == null ? null : source.optText("asgName");
    if (sourceName == null && source != null) {
      sourceName = source.optText("serverGroupName");
    }
    return new ServerGroupOperation.CreateServerGroup<>(model, ServerGroupStages.strategy(s), sourceName,
        new DeployWave(region, null, null, null));
  }

  private void upsertPolicy(JsonView s, List<CloudOperation> ops) {
    ServerGroupStages.foldPolicy(s, ops, Ec2Policies.parse(s), Scaling.NONE, Scaling.class, Ec2Policies::plus);
  }


  /** EC2 deletes a policy by the name the cloud gave it: the policy is found on the server group. */
  private void deletePolicy(JsonView s, List<CloudOperation> ops) {
    String group = ServerGroupStages.requiredServerGroupName(s);
    String account = ServerGroupStages.account(s);
    String region = ServerGroupStages.region(s);
    String policyName = s.text("policyName");
    Scaling found = Scaling.NONE;
    List<Ec2ServerGroupState> groups = groups(account, region, Moniker.parse(group).cluster().toName());
    for (ServerGroupState<Ec2ServerGroup> g : groups) {
      if (g.name().equals(group)) {
        Scaling current = g.model().scaling();
        for (Object p : new ArrayList<Object>(current.targetTrackingPolicies())) {
          found = Ec2Policies.policyName(group, p).equals(policyName) ? Ec2Policies.plus(found, p) : found;
        }
        for (Object p : new ArrayList<Object>(current.stepScalingPolicies())) {
          found = Ec2Policies.policyName(group, p).equals(policyName) ? Ec2Policies.plus(found, p) : found;
        }
      }
    }
    CloudOperation last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
    if (last instanceof ServerGroupOperation.DeleteScalingPolicies<?> d && d.serverGroupName().equals(group)
        && d.region().equals(region) && d.policies() instanceof Scaling before) {
      ops.set(ops.size() - 1, new ServerGroupOperation.DeleteScalingPolicies<>(account, region, group, Set.of(),
          before.plus(found)));
    } else {
      ops.add(new ServerGroupOperation.DeleteScalingPolicies<>(account, region, group, Set.of(), found));
    }
  }

  /**
   * A bake ({@code ImageHandler}'s stage): the package from the trigger's artifact when there is one, else
   * from the {@code package} file name; the image account from the stage, else the first account the EC2 lists.
   */
  private CloudOperation bake(JsonView s, @Nullable JsonView trigger) {
    String packageName;
    String version;
    List<JsonView> artifacts = trigger == null ? List.of() : trigger.array("artifacts");
    if (!artifacts.isEmpty()) {
      packageName = artifacts.get(0).text("name");
      version = artifacts.get(0).text("version");
    } else {
      Matcher m = PACKAGE.matcher(s.text("package"));
      if (!m.matches()) {
        throw HttpProblem.badRequest(s.path() + ".package: expected <name>_<version>_<arch>.deb, got "
            + s.text("package"));
      }
      packageName = m.group(1);
      version = m.group(2);
    }
    String account = s.optText("account") != null ? s.text("account") : s.optText("credentials") != null
        ? s.text("credentials") : clouds.inventory().flatMap(i -> i.accounts().stream().findFirst())
            .map(Catalog.Account::name).orElse("test");
    return new Ec2Operation.Bake(account, s.strings("regions"), packageName,
        Ec2Operation.Bake.appVersion(packageName, version), s.text("baseOs"), s.text("baseLabel", "release"),
        s.text("storeType", "ebs"));
  }
}
