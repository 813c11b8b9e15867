package dev.keel.ec2.sim;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Inventory;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ReadException;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.support.sim.SimTasks;
import dev.keel.support.sim.SimulatedClusterCloud;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A simulated EC2 (with Orca-like tasks) behind {@link Ec2Cloud}, on an injected clock: the shared simulated
 * cluster cloud ({@link SimulatedClusterCloud}: tasks, deploy strategies, sequence numbers, instance health,
 * read lag and faults) with EC2's own catalog, security groups, load balancers and bakery. It never starts
 * threads: every call first catches up with the clock. It lists its catalog and resources too
 * ({@link Ec2Inventory}), for a fake Spinnaker serving Clouddriver's list endpoints from it.
 */
public final class SimulatedEc2 extends SimulatedClusterCloud<Ec2ServerGroup, Scaling, Ec2ServerGroupState>
    implements Ec2Cloud, Ec2Inventory {

  private final SimCatalog catalog = new SimCatalog();
  private final SimBakes bakes = new SimBakes(catalog);

  /**
   * A simulated EC2 with an empty catalog.
   *
   * @param clock the clock tasks progress on
   */
  public SimulatedEc2(Clock clock) {
    super(clock, "sim-task-", "server groups", SimWorld::new);
  }

  /**
   * A simulated EC2 seeded with accounts {@code test}, {@code prod}, {@code prod-account} and
   * {@code testaccount} in us-east-1, us-west-1, us-west-2 and eu-west-1, each with default key pair
   * {@code nf-keypair-{{region}}}, and base images {@code <os>base-<label>-1} for xenial, bionic,
   * bionic-classic, focal and jammy with labels release, candidate, previous and unstable.
   *
   * @param clock the clock
   * @return the simulator
   */
  public static SimulatedEc2 withDefaults(Clock clock) {
    SimulatedEc2 sim = new SimulatedEc2(clock);
    for (String account : List.of("test", "prod", "prod-account", "testaccount")) {
      sim.catalog().account(account, "nf-keypair-{{region}}", "us-east-1", "us-west-1", "us-west-2", "eu-west-1");
    }
    for (String os : List.of("xenial", "bionic", "bionic-classic", "focal", "jammy")) {
      for (String label : List.of("release", "candidate", "previous", "unstable")) {
        sim.catalog().baseImage(new Catalog.BaseImage(os + "base-" + label + "-1", os, label, clock.instant()));
      }
    }
    return sim;
  }

  /**
   * The catalog, to seed accounts, networks, images and certificates.
   *
   * @return the catalog
   */
  public SimCatalog catalog() {
    return catalog;
  }

  private SimWorld world() {
    return (SimWorld) clusters();
  }

  @Override
  protected RuntimeException readFailure(String message) {
    return new Ec2ReadException("Simulated EC2 " + message);
  }

  @Override
  protected void runStage(CloudOperation operation, String taskId, SimTasks.StageEnd end) {
    if (operation instanceof Ec2Operation.Bake bake) {
      timeline.at(timeline.now().plus(bakes.duration), () -> {
        String failure = bakes.finish(bake, taskId, timeline.now());
        if (failure != null) {
          end.failTask(failure);
        } else {
          end.next();
        }
      });
    } else if (operation instanceof Ec2Operation op) {
      world().run(op, end);
    } else {
      super.runStage(operation, taskId, end);
    }
  }

  // ---- configuration and faults of its own ---------------------------------------------------------------

  /**
   * Sets how long a bake takes once its stage starts (10 minutes by default).
   *
   * @param duration the time
   * @return this
   */
  public synchronized SimulatedEc2 bakeDuration(Duration duration) {
    bakes.duration = duration;
    return this;
  }

  /**
   * Makes the next bakes in a region fail there: the other regions of those bakes still get their AMIs,
   * and the task fails naming the region.
   *
   * @param region the region
   * @param message the failure
   * @param count how many bakes fail in that region
   */
  public synchronized void failBakesIn(String region, String message, int count) {
    bakes.failIn(region, message, count);
  }

  /**
   * Makes instances launched from now on never become healthy (or healthy again).
   *
   * @param never true to keep them unhealthy
   */
  public void instancesNeverHealthy(boolean never) {
    launchedNeverHealthy(never);
  }

  /**
   * Applies an operation that made something existing before the simulation started (a security group, a
   * load balancer): at once, without a task, and visible to reads at once whatever the read lag.
   *
   * @param operation the operation
   * @throws IllegalStateException if the operation fails
   */
  public synchronized void existing(CloudOperation operation) {
    timeline.catchUp();
    world().visibleAtOnce(() -> apply(operation));
  }

  /** Whether a security group truly exists (without read lag or injected read failures). */
  synchronized boolean securityGroupExists(String account, String region, String name) {
    timeline.catchUp();
    return world().exists(SimWorld.SG, account, region, name);
  }

  // ---- reads of its own ----------------------------------------------------------------------------------

  @Override
  public synchronized Optional<SecurityGroup> securityGroup(String account, String region, String vpc, String name) {
    return read("security group " + name, () -> world().visible(SimWorld.SG, account, region, name,
        SecurityGroup.class).filter(g -> g.vpc().equals(vpc)));
  }

  @Override
  public synchronized Optional<ClassicLoadBalancer> classicLoadBalancer(String account, String region, String name) {
    return read("load balancer " + name, () -> world().visible(SimWorld.LB, account, region, name,
        ClassicLoadBalancer.class));
  }

  @Override
  public synchronized Optional<ApplicationLoadBalancer> applicationLoadBalancer(String account, String region,
      String name) {
    return read("load balancer " + name, () -> world().visible(SimWorld.LB, account, region, name,
        ApplicationLoadBalancer.class));
  }

  @Override
  public synchronized Set<String> targetGroups(String account, String region) {
    return read("target groups", () -> world().targetGroups(account, region));
  }

  @Override
  public synchronized List<Catalog.Image> findImages(String appVersion, String account) {
    return read("images of " + appVersion, () -> catalog.findImages(appVersion));
  }

  @Override
  public synchronized Optional<Catalog.BaseImage> baseImage(String os, String label) {
    return read("base image " + os + "/" + label, () -> catalog.baseImage(os, label));
  }

  @Override
  public synchronized Optional<Catalog.Network> network(String account, String region, String name) {
    return catalog.network(account, region, name);
  }

  @Override
  public synchronized List<Catalog.Subnet> subnets(String account, String region) {
    return catalog.subnets(account, region);
  }

  @Override
  public synchronized Set<String> regions(String account) {
    timeline.catchUp();
    Set<String> out = new TreeSet<>(catalog.regions(account));
    out.addAll(world().regions(account));
    return Collections.unmodifiableSet(out);
  }

  @Override
  public synchronized Optional<Catalog.Account> account(String account) {
    return catalog.account(account);
  }

  @Override
  public synchronized Optional<Catalog.Certificate> certificate(String account, String name) {
    return catalog.findCertificate(account, name);
  }

  // ---- the inventory -------------------------------------------------------------------------------------

  @Override
  public synchronized List<Catalog.Account> accounts() {
    return catalog.allAccounts();
  }

  @Override
  public synchronized List<Catalog.Network> networks() {
    return catalog.allNetworks();
  }

  @Override
  public synchronized List<Catalog.Image> images() {
    return catalog.allImages();
  }

  @Override
  public synchronized List<Catalog.Certificate> certificates(String account) {
    return catalog.certificates(account);
  }

  @Override
  public synchronized List<String> securityGroupNames(String account, String region) {
    timeline.catchUp();
    return world().visibleNames(SimWorld.SG, account, region);
  }

  @Override
  public synchronized List<String> loadBalancerNames(String account, String region) {
    timeline.catchUp();
    return world().visibleNames(SimWorld.LB, account, region);
  }
}
