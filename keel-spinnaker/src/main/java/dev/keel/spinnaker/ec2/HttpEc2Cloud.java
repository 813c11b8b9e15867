package dev.keel.spinnaker.ec2;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.api.BaseImageSource;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ReadException;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.spi.model.Moniker;
import dev.keel.spinnaker.SpinnakerCallException;
import dev.keel.spinnaker.clouddriver.ClouddriverClient;
import dev.keel.spinnaker.http.JsonView;
import dev.keel.spinnaker.orca.OrcaClient;
import dev.keel.spinnaker.orca.Orchestration;
import dev.keel.spinnaker.SpinnakerConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@link Ec2Cloud} over a real Spinnaker (spinnaker-adapters.md §6): reads from Clouddriver, tasks through Orca.
 * A read that fails throws {@link Ec2ReadException} naming the call; a 404 is an absent result. A submission
 * adopts the task Orca already runs for the correlation id after a timeout or an outage
 * ({@link OrcaClient#submit}).
 */
public final class HttpEc2Cloud implements Ec2Cloud, Ec2Names, Ec2Ids {

  private final ClouddriverClient clouddriver;
  private final OrcaClient orca;
  private final SpinnakerConfig config;
  private final BaseImageSource baseImages;
  private final Ec2Reads reads = new Ec2Reads(this);
  private final Ec2ServerGroupReads serverGroups = new Ec2ServerGroupReads(this);
  private final Ec2Stages stages;

  /**
   * A cloud whose base images are its {@code baseImages} setting.
   *
   * @param clouddriver Clouddriver
   * @param orca Orca
   * @param config the settings (base images)
   * @param clock the engine's clock
   */
  public HttpEc2Cloud(ClouddriverClient clouddriver, OrcaClient orca, SpinnakerConfig config, Clock clock) {
    this(clouddriver, orca, config, clock, configured(config));
  }

  /**
   * A cloud that asks a source for base images (Spinnaker keeps no catalog of them).
   *
   * @param clouddriver Clouddriver
   * @param orca Orca
   * @param config the settings
   * @param clock the engine's clock
   * @param baseImages where the current base images are found, asked at every call of {@link #baseImage}
   */
  public HttpEc2Cloud(ClouddriverClient clouddriver, OrcaClient orca, SpinnakerConfig config, Clock clock,
      BaseImageSource baseImages) {
    this.clouddriver = clouddriver;
    this.orca = orca;
    this.config = config;
    this.baseImages = baseImages;
    this.stages = new Ec2Stages(this, clock, config.defaultSecurityGroups());
  }

  private static <T> T read(Supplier<T> call) {
    try {
      return call.get();
    } catch (SpinnakerCallException e) {
      throw new Ec2ReadException(e.getMessage(), e);
    }
  }

  // ---- tasks ----

  @Override
  public TaskExecution submit(TaskRequest request) {
    List<Map<String, Object>> job = new ArrayList<>();
    List<Map<String, Object>> artifacts = new ArrayList<>();
    for (CloudOperation op : request.operations()) {
      job.addAll(read(() -> stages.stages(op)));
      if (op instanceof Ec2Operation.Bake bake) {
        artifacts.add(Ec2ResourceStages.bakeArtifact(bake));
      }
    }
    return orca.submit(new Orchestration(request, job, artifacts), null);
  }

  @Override
  public boolean isRunning(String correlationId) {
    return !orca.correlated(correlationId).isEmpty();
  }

  @Override
  public Optional<TaskExecution> task(String taskId) {
    return orca.task(taskId).map(e -> e.toTask(null));
  }

  // ---- reads ----

  /** The server groups as Clouddriver reports them, without Orca's default groups (the {@code defaultSecurityGroups} setting), which Keel does not manage. */
  @Override
  public List<Ec2ServerGroupState> serverGroups(String account, String region, String cluster) {
    Set<String> implicit = Set.copyOf(config.defaultSecurityGroups());
    return read(() -> clouddriver.cluster(Moniker.parse(cluster).app(), account, cluster, Ec2Stages.AWS, null)
        .map(c -> serverGroups.inRegion(c, account, region)).orElse(List.of())).stream()
        .map(g -> new Ec2ServerGroupState(g.name(), g.createdAt(), g.enabled(),
            g.model().withDependencies(g.model().dependencies().withoutSecurityGroups(implicit)),
            g.desiredInstances(), g.instances()))
        .toList();
  }

  @Override
  public Optional<SecurityGroup> securityGroup(String account, String region, String vpc, String name) {
    return read(() -> {
      Optional<Catalog.Network> network = network(account, region, vpc);
      if (network.isEmpty()) {
        return Optional.empty();
      }
      return clouddriver.securityGroup(account, region, name, network.get().id()).map(reads::securityGroup);
    });
  }

  /** Orca's default groups, the {@code defaultSecurityGroups} setting. */
  @Override
  public Set<String> implicitSecurityGroups(String account, String region, String vpc) {
    return Set.copyOf(config.defaultSecurityGroups());
  }

  @Override
  public Optional<ClassicLoadBalancer> classicLoadBalancer(String account, String region, String name) {
    return read(() -> clouddriver.loadBalancer(account, region, name).stream().filter(Ec2Reads::isClassic)
        .findFirst().map(reads::classicLoadBalancer));
  }

  @Override
  public Optional<ApplicationLoadBalancer> applicationLoadBalancer(String account, String region, String name) {
    return read(() -> clouddriver.loadBalancer(account, region, name).stream().filter(Ec2Reads::isApplication)
        .findFirst().map(reads::applicationLoadBalancer));
  }

  /**
   * Not answerable: Clouddriver lists target groups per application.
   *
   * @throws Ec2ReadException always, pointing at {@link #targetGroups(String, String, String)}
   */
  @Override
  public Set<String> targetGroups(String account, String region) {
    throw new Ec2ReadException("Clouddriver lists target groups per application: ask targetGroups(application, "
        + account + ", " + region + ")");
  }

  @Override
  public Set<String> targetGroups(String application, String account, String region) {
    return read(() -> {
      Set<String> out = new TreeSet<>();
      for (JsonView lb : clouddriver.applicationLoadBalancers(application)) {
        if (account.equals(lb.text("account")) && region.equals(lb.text("region"))) {
          lb.list("targetGroups").forEach(t -> out.add(t.text("targetGroupName", t.text("name", ""))));
        }
      }
      return Collections.unmodifiableSet(out);
    });
  }

  @Override
  public List<Catalog.Image> findImages(String appVersion, String account) {
    return read(() -> Ec2Reads.images(clouddriver.namedImages(appVersion, account), appVersion));
  }

  /**
   * The base images of a {@code baseImages} setting, fixed when the plugin starts.
   *
   * @param config the settings
   * @return a source answering from {@link SpinnakerConfig#baseImages()}
   */
  public static BaseImageSource configured(SpinnakerConfig config) {
    Map<String, Map<String, String>> images = config.baseImages();
    return (os, label) -> Optional.ofNullable(images.getOrDefault(os, Map.of()).get(label))
        .map(n -> new Catalog.BaseImage(n, os, label, Instant.EPOCH));
  }

  /** The source's answer: the {@code baseImages} setting, or what the host registered. */
  @Override
  public Optional<Catalog.BaseImage> baseImage(String os, String label) {
    return baseImages.baseImage(os, label);
  }

  @Override
  public Optional<Catalog.Network> network(String account, String region, String name) {
    return read(() -> clouddriver.networks().stream()
        .filter(n -> account.equals(n.text("account")) && region.equals(n.text("region"))
            && name.equals(n.text("name")))
        .findFirst().map(n -> new Catalog.Network(n.text("id", ""), name, account, region)));
  }

  @Override
  public List<Catalog.Subnet> subnets(String account, String region) {
    return read(() -> clouddriver.subnets().stream()
        .filter(s -> account.equals(s.text("account")) && region.equals(s.text("region")))
        .map(s -> new Catalog.Subnet(s.text("id", ""), s.text("vpcId", ""), s.text("availabilityZone", ""),
            s.text("purpose", "")))
        .toList());
  }

  @Override
  public Set<String> regions(String account) {
    return read(() -> clouddriver.credentials(account).map(c -> {
      Set<String> out = new TreeSet<>();
      c.list("regions").forEach(r -> out.add(r.node().isTextual() ? r.node().asText() : r.text("name", "")));
      return Collections.unmodifiableSet(out);
    }).orElse(Set.of()));
  }

  @Override
  public Optional<Catalog.Account> account(String account) {
    return read(() -> clouddriver.credentials(account).map(c -> new Catalog.Account(c.text("name", account),
        c.text("accountId", ""), c.text("defaultKeyPair", ""))));
  }

  @Override
  public Optional<Catalog.Certificate> certificate(String account, String name) {
    return read(() -> clouddriver.certificates().stream().filter(c -> name.equals(c.text("serverCertificateName")))
        .findFirst().map(c -> new Catalog.Certificate(name, c.text("arn", ""))));
  }

  // ---- names and ids ----

  @Override
  public String vpcName(String vpcId) {
    return clouddriver.networks().stream().filter(n -> vpcId.equals(n.text("id"))).findFirst()
        .map(n -> n.text("name", vpcId)).orElse(vpcId);
  }

  @Override
  public String subnetPurpose(String subnetId) {
    return clouddriver.subnets().stream().filter(s -> subnetId.equals(s.text("id"))).findFirst()
        .map(s -> s.text("purpose")).orElse(null);
  }

  @Override
  public String securityGroupName(String account, String region, String id) {
    return clouddriver.securityGroupById(account, region, id).map(g -> g.text("name", id)).orElse(id);
  }

  @Override
  public String certificateName(String arn) {
    return clouddriver.certificates().stream().filter(c -> arn.equals(c.text("arn"))).findFirst()
        .map(c -> c.text("serverCertificateName", arn)).orElse(arn);
  }

  @Override
  public String vpcId(String account, String region, String vpcName) {
    return network(account, region, vpcName).map(Catalog.Network::id).orElseThrow(() -> new Ec2ReadException(
        "Clouddriver knows no VPC " + vpcName + " in " + account + "/" + region));
  }

  @Override
  public String securityGroupId(String account, String region, String vpcName, String name) {
    String vpcId = vpcId(account, region, vpcName);
    return read(() -> clouddriver.securityGroup(account, region, name, vpcId).map(g -> g.text("id", ""))
        .filter(id -> !id.isEmpty()).orElseThrow(() -> new Ec2ReadException("Clouddriver knows no security group "
            + name + " in " + account + "/" + region + " (" + vpcName + ")")));
  }

  @Override
  public String certificateArn(String account, String name) {
    return certificate(account, name).map(Catalog.Certificate::arn).orElseThrow(() -> new Ec2ReadException(
        "Clouddriver knows no certificate " + name));
  }

  @Override
  public List<String> policyNames(String account, String region, String serverGroupName, List<Object> policies) {
    String cluster = Moniker.parse(serverGroupName).cluster().toName();
    List<JsonView> attached = read(() -> clouddriver.cluster(Moniker.parse(cluster).app(), account, cluster,
        Ec2Stages.AWS, null).map(c -> c.list("serverGroups").stream()
            .filter(g -> serverGroupName.equals(g.text("name")) && region.equals(g.text("region")))
            .findFirst().map(g -> g.list("scalingPolicies")).orElse(List.of()))
        .orElse(List.of()));
    List<String> names = new ArrayList<>();
    for (Object policy : policies) {
      String name = attached.stream().filter(p -> {
        var one = Ec2ServerGroupReads.scaling(List.of(p));
        return one.targetTrackingPolicies().contains(policy) || one.stepScalingPolicies().contains(policy);
      }).findFirst().map(p -> p.text("policyName", "")).orElseThrow(() -> new Ec2ReadException("Server group "
          + serverGroupName + " in " + account + "/" + region + " has no scaling policy " + policy));
      names.add(name);
    }
    return names;
  }
}
