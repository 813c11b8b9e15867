package dev.keel.ec2.sim;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.spi.KeelContext;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.Locations;
import dev.keel.support.sim.ClusterSimulator;
import dev.keel.support.sim.PlainMap;
import dev.keel.support.sim.SimActions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The simulated EC2 as a host drives it ({@code ec2} in a scenario): seeds accounts, networks, images, security
 * groups and running server groups, adds the accounts and regions a delivery config needs, registers an image
 * for each published version of a Debian artifact that is not baked, and plays timeline actions (faults,
 * changes by hand). It offers its {@link SimulatedEc2} as the {@link Ec2Cloud} of the EC2 plugin
 * ({@link #clouds()}), which uses it when configured with {@code simulated: true}, so what it seeds is what
 * that plugin's handlers, resolvers and vetoes see. The section and the actions are described in
 * {@code docs/simulated-clouds.md}.
 */
@Extension
public final class Ec2Simulator extends ClusterSimulator<SimulatedEc2> {

  /** The operation types whose stages {@code fail} can make fail. */
  static final List<String> OPERATIONS = List.of("createServerGroup", "resizeServerGroup", "disableServerGroup",
      "rollbackServerGroup", "destroyServerGroup", "upsertScalingPolicy", "deleteScalingPolicy", "upsertSecurityGroup",
      "deleteSecurityGroup", "upsertLoadBalancer", "deleteLoadBalancer", "bake");

  /** The timeline actions it plays as the Titus simulator does, in its words. */
  private static final SimActions SHARED = new SimActions(OPERATIONS, "instances", "server group");

  private static final Map<String, String> ACTIONS = describeActions();

  /**
   * A simulator of a simulated EC2 with the defaults ({@link SimulatedEc2#withDefaults}) on the engine's
   * clock.
   *
   * @param context the plugin's context
   */
  public Ec2Simulator(KeelContext context) {
    this(SimulatedEc2.withDefaults(context.clock()));
  }

  /**
   * The simulator of a simulated EC2.
   *
   * @param sim the simulated EC2
   */
  public Ec2Simulator(SimulatedEc2 sim) {
    super("ec2", Ec2Cloud.class, sim, SHARED);
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
    return Collections.unmodifiableMap(a);
  }

  @Override
  protected void seed(PlainMap section) {
    new Ec2Seeding(sim).seed(section);
  }

  /**
   * Adds every account an EC2 resource of the config names and the simulator does not know (with the default
   * VPC {@code vpc0} and key pair {@value Ec2Seeding#DEFAULT_KEY_PAIR}), and every region such an account
   * lacks.
   */
  @Override
  protected void prepare(List<Locations> locations) {
    SimCatalog catalog = sim.catalog();
    for (Locations l : locations) {
      if (catalog.account(l.account()).isEmpty()) {
        catalog.account(l.account(), Ec2Seeding.DEFAULT_KEY_PAIR);
      }
      l.regionNames().forEach(r -> catalog.region(l.account(), r));
    }
  }

  /**
   * For a Debian artifact that is not baked, registers an image of the version in every known region (with
   * AMI ids derived from the version and region), unless an image of that version exists; a baked artifact's
   * images come from the simulated bakery.
   */
  @Override
  public void published(DeliveryArtifact artifact, String version) {
    if (artifact instanceof DebianArtifact deb && !Ec2Operation.Bake.bakes(deb)) {
      new Ec2Seeding(sim).ensureImage(Ec2Operation.Bake.appVersion(deb.name(), version));
    }
  }

  @Override
  public Map<String, String> actions() {
    return ACTIONS;
  }

  @Override
  protected void checkPlace(PlainMap arguments, String account, String region) {
    Ec2Seeding seeding = new Ec2Seeding(sim);
    seeding.knownAccount(arguments, account);
    seeding.knownRegion(arguments, "region", account, region);
  }

  @Override
  protected String applyOwn(String action, PlainMap a) {
    Ec2Seeding seeding = new Ec2Seeding(sim);
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
      default -> throw unknown(action);
    }
  }
}
