package dev.keel.ec2.sim;

import dev.keel.ec2.bake.Bakery;
import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.ec2.cloud.ServerGroupState;
import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.spi.KeelContext;
import dev.keel.spi.Simulator;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import dev.keel.support.sim.PlainMap;
import java.util.ArrayList;
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

  private static final String DEFAULT_FAILURE = "injected failure";

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
    a.put("fail", "{operation, message, count=1}: the next stages of an operation type fail; operation is one of "
        + String.join(", ", OPERATIONS));
    a.put("failBakes", "{region, message, count=1}: the next bakes fail in a region (other regions still bake)");
    a.put("failReads", "{count=1}: the next reads fail as a 503 would");
    a.put("unhealthy", "{value=true}: instances launched from now on never become healthy (false: they do again)");
    a.put("resize", "{account, region, serverGroup, desired}: someone resizes a server group by hand");
    a.put("enable", "{account, region, serverGroup}: someone enables a server group by hand");
    a.put("disable", "{account, region, serverGroup}: someone disables a server group by hand");
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
    switch (action) {
      case "fail" -> {
        a.onlyKeys("operation", "message", "count");
        String operation = a.string("operation");
        if (!OPERATIONS.contains(operation)) {
          throw a.problem("operation", "expected one of " + String.join(", ", OPERATIONS) + ", got '" + operation
              + "'");
        }
        String message = a.string("message", DEFAULT_FAILURE);
        int count = a.integer("count", 1, 1);
        sim.failNextStages(operation, message, count);
        return "next " + count + " " + operation + " stage(s) fail: " + message;
      }
      case "failBakes" -> {
        a.onlyKeys("region", "message", "count");
        String region = a.string("region");
        String message = a.string("message", DEFAULT_FAILURE);
        int count = a.integer("count", 1, 1);
        sim.failBakesIn(region, message, count);
        return "next " + count + " bake(s) in " + region + " fail: " + message;
      }
      case "failReads" -> {
        a.onlyKeys("count");
        int count = a.integer("count", 1, 1);
        sim.failNextReads(count);
        return "next " + count + " read(s) fail";
      }
      case "unhealthy" -> {
        a.onlyKeys("value");
        boolean never = a.bool("value", true);
        sim.instancesNeverHealthy(never);
        return never ? "instances launched from now on never become healthy"
            : "instances launched from now on become healthy after booting";
      }
      case "resize" -> {
        a.onlyKeys("account", "region", "serverGroup", "desired");
        String sg = serverGroup(sim, seeding, a);
        int desired = a.integer("desired");
        if (desired < 0) {
          throw a.problem("desired", "expected a whole number of at least 0, got " + desired);
        }
        sim.externalResize(a.string("account"), a.string("region"), sg, desired);
        return sg + " in " + a.string("account") + "/" + a.string("region") + " resized by hand to " + desired;
      }
      case "enable", "disable" -> {
        a.onlyKeys("account", "region", "serverGroup");
        String sg = serverGroup(sim, seeding, a);
        if (action.equals("enable")) {
          sim.externalEnable(a.string("account"), a.string("region"), sg);
        } else {
          sim.externalDisable(a.string("account"), a.string("region"), sg);
        }
        return sg + " in " + a.string("account") + "/" + a.string("region") + " " + action + "d by hand";
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

  /** The server group an action names, checked to exist. */
  private static String serverGroup(SimulatedEc2 sim, Ec2Seeding seeding, PlainMap a) {
    String account = a.string("account");
    String region = a.string("region");
    String name = a.string("serverGroup");
    seeding.knownAccount(a, account);
    seeding.knownRegion(a, "region", account, region);
    Moniker moniker;
    try {
      moniker = Moniker.parse(name);
    } catch (IllegalArgumentException e) {
      throw a.problem("serverGroup", "expected a server group name such as fnord-main-v001, got '" + name + "'");
    }
    List<String> names = new ArrayList<>();
    sim.truth(account, region, moniker.cluster().toName()).stream().map(ServerGroupState::name).forEach(names::add);
    if (!names.contains(name)) {
      throw a.problem("serverGroup", "expected a server group in " + account + "/" + region
          + (names.isEmpty() ? " (cluster " + moniker.cluster().toName() + " has none)" : " (" + String.join(", ",
              names) + ")") + ", got '" + name + "'");
    }
    return name;
  }
}
