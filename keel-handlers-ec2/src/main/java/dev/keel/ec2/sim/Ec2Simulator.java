package dev.keel.ec2.sim;

import dev.keel.ec2.bake.Bakery;
import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.spi.KeelContext;
import dev.keel.spi.Simulator;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Resource;
import dev.keel.support.sim.PlainMap;
import dev.keel.support.sim.SimActions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The plugin's simulated EC2 as a host drives it ({@code ec2} in a scenario): seeds accounts, networks,
 * images, security groups and running server groups, adds the accounts and regions a delivery config needs,
 * registers an image for each published version of a Debian artifact that is not baked, and plays timeline
 * actions (faults, changes by hand). It works on the plugin's own cloud ({@link Ec2Clouds#of}), so what it
 * seeds is what the plugin's handlers, resolvers and vetoes see; it is inactive when the host registered a
 * real {@link Ec2Cloud}. The section and the actions are described in {@code docs/simulated-clouds.md}.
 */
@Extension
public final class Ec2Simulator implements Simulator {

  /** The operation types whose stages {@code fail} can make fail. */
  static final List<String> OPERATIONS = List.of("createServerGroup", "resizeServerGroup", "disableServerGroup",
      "rollbackServerGroup", "destroyServerGroup", "upsertScalingPolicy", "deleteScalingPolicy", "upsertSecurityGroup",
      "deleteSecurityGroup", "upsertLoadBalancer", "deleteLoadBalancer", "bake");

  /** The timeline actions it plays as the Titus simulator does, in its words. */
  private static final SimActions SHARED = new SimActions(OPERATIONS, "instances", "server group");

  private static final Map<String, String> ACTIONS = describeActions();

  private final Ec2Cloud cloud;

  /**
   * The simulator of a plugin's cloud.
   *
   * @param context the plugin's context
   */
  public Ec2Simulator(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * The simulator of a cloud; inactive unless it is a {@link SimulatedEc2}.
   *
   * @param cloud the cloud
   */
  public Ec2Simulator(Ec2Cloud cloud) {
    this.cloud = cloud;
  }

  private static Map<String, String> describeActions() {
    Map<String, String> a = new LinkedHashMap<>();
    SHARED.describe(a, "fail");
    a.put("failBakes", "{region, message, count=1}: the next bakes fail in a region (other regions still bake)");
    SHARED.describe(a, "failReads", "unhealthy", "resize", "enable", "disable");
    a.put("serverGroup", "{account, region, cluster, appVersion or image, capacity, ...}: someone deploys a server"
        + " group by hand (as under serverGroups)");
    a.put("image", "{appVersion, id or amis, regions, ...}: an image appears (as under images)");
    a.put("baseImage", "{os, label=release, name}: a new base image is published, outdating images baked on the"
        + " previous one");
    a.put("settings", "{bootTime, stageDuration, readLag, bakeDuration}: the cloud behaves so from now on");
    return java.util.Collections.unmodifiableMap(a);
  }

  @Override
  public String name() {
    return "ec2";
  }

  @Override
  public boolean active() {
    return cloud instanceof SimulatedEc2;
  }

  private SimulatedEc2 sim() {
    if (cloud instanceof SimulatedEc2 sim) {
      return sim;
    }
    throw new IllegalStateException("The ec2 simulator is inactive: the host registered its own Ec2Cloud ("
        + cloud.getClass().getName() + "), which cannot be seeded or given faults");
  }

  @Override
  public void seed(Map<String, Object> section) {
    SimulatedEc2 sim = sim();
    sim.catchUp();
    new Ec2Seeding(sim).seed(PlainMap.of(section));
  }

  /**
   * Adds every account an EC2 resource of the config names and the simulator does not know (with the default
   * VPC {@code vpc0} and key pair {@value Ec2Seeding#DEFAULT_KEY_PAIR}), and every region such an account
   * lacks.
   */
  @Override
  public void prepare(DeliveryConfig config) {
    SimCatalog catalog = sim().catalog();
    config.resources().filter(r -> "ec2".equals(r.kind().group())).map(Resource::spec)
        .filter(Locatable.class::isInstance).map(s -> ((Locatable) s).locations())
        .filter(java.util.Objects::nonNull).forEach(l -> add(catalog, l));
  }

  private static void add(SimCatalog catalog, Locations l) {
    if (catalog.account(l.account()).isEmpty()) {
      catalog.account(l.account(), Ec2Seeding.DEFAULT_KEY_PAIR);
    }
    l.regionNames().forEach(r -> catalog.region(l.account(), r));
  }

  /**
   * For a Debian artifact that is not baked, registers an image of the version in every known region (with
   * AMI ids derived from the version and region), unless an image of that version exists; a baked artifact's
   * images come from the simulated bakery.
   */
  @Override
  public void published(DeliveryArtifact artifact, String version) {
    SimulatedEc2 sim = sim();
    if (artifact instanceof DebianArtifact deb && !Bakery.isBaked(deb)) {
      new Ec2Seeding(sim).ensureImage(Bakery.appVersion(deb.name(), version));
    }
  }

  @Override
  public Map<String, String> actions() {
    return ACTIONS;
  }

  @Override
  public String apply(String action, Map<String, Object> arguments) {
    SimulatedEc2 sim = sim();
    // What was due before now happens before the action, with the faults and settings of its time.
    sim.catchUp();
    PlainMap a = PlainMap.of(arguments);
    Ec2Seeding seeding = new Ec2Seeding(sim);
    if (SimActions.plays(action)) {
      return SHARED.apply(action, a, sim, (m, account, region) -> {
        seeding.knownAccount(m, account);
        seeding.knownRegion(m, "region", account, region);
      });
    }
    switch (action) {
      case "failBakes" -> {
        a.onlyKeys("region", "message", "count");
        String region = a.string("region");
        String message = a.string("message", SimActions.DEFAULT_FAILURE);
        int count = a.integer("count", 1, 1);
        sim.failBakesIn(region, message, count);
        return "next " + count + " bake(s) in " + region + " fail: " + message;
      }
      case "serverGroup" -> {
        return seeding.serverGroup(a).apply() + " deployed by hand";
      }
      case "image" -> {
        return seeding.image(a).apply() + " appeared";
      }
      case "baseImage" -> {
        return seeding.baseImage(a).apply();
      }
      case "settings" -> {
        return seeding.settings(a).apply();
      }
      default -> throw new IllegalArgumentException("Unknown ec2 action '" + action + "'; expected one of "
          + String.join(", ", ACTIONS.keySet()));
    }
  }
}
