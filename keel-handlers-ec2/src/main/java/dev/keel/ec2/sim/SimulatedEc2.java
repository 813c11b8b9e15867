package dev.keel.ec2.sim;

import dev.keel.support.sim.SimIds;
import dev.keel.support.sim.SimTimeline;
import dev.keel.support.sim.SimulatedCloud;

import dev.keel.ec2.cloud.Catalog;
import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.ec2.cloud.Ec2Operation;
import dev.keel.ec2.cloud.Ec2ReadException;
import dev.keel.ec2.cloud.ServerGroupState;
import dev.keel.support.task.TaskExecution;
import dev.keel.ec2.cloud.TaskRequest;
import dev.keel.ec2.model.ApplicationLoadBalancer;
import dev.keel.ec2.model.ClassicLoadBalancer;
import dev.keel.ec2.model.SecurityGroup;
import dev.keel.ec2.model.ServerGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * A simulated EC2 (with Orca-like tasks) behind {@link Ec2Cloud}, on an injected clock. Tasks run their
 * operations as stages, one after another, as the clock advances; red-black, highlander, none and
 * rolling-push deploys behave as in Spinnaker; server groups get increasing sequence numbers; new instances
 * become healthy after a boot time; writes become visible to reads after a read lag; and faults can be
 * injected. It never starts threads: every call first catches up with the clock.
 */
public final class SimulatedEc2 implements Ec2Cloud, SimulatedCloud {

  private final SimTimeline timeline;
  private final SimCatalog catalog = new SimCatalog();
  private final SimWorld world;
  private final Map<String, SimTask> tasks = new LinkedHashMap<>();
  private final Map<String, SimTask> runningByCorrelation = new HashMap<>();
  private final Map<String, List<SimTask>> waitingOn = new HashMap<>();
  private final List<TaskRequest> submitted = new ArrayList<>();
  private final Map<String, String> failNextStage = new HashMap<>();
  private final Map<String, Integer> failCount = new HashMap<>();
  private final SimBakes bakes = new SimBakes(catalog);
  private int failReads;
  /** How many tasks each correlation id has had, which numbers its tasks (see {@link SimIds#serial}). */
  private final Map<String, Integer> tasksPerCorrelation = new HashMap<>();
  private Duration stageDuration = Duration.ofSeconds(30);

  /**
   * A simulated EC2 with an empty catalog.
   *
   * @param clock the clock tasks progress on
   */
  public SimulatedEc2(Clock clock) {
    this.timeline = new SimTimeline(clock);
    this.world = new SimWorld(timeline);
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

  // ---- configuration and faults ------------------------------------------------------------------------

  /**
   * Sets how long writes take to become visible to reads (0 by default).
   *
   * @param lag the lag
   * @return this
   */
  public synchronized SimulatedEc2 readLag(Duration lag) {
    world.readLag = lag;
    return this;
  }

  /**
   * Sets how long new instances take to become healthy (2 minutes by default).
   *
   * @param bootTime the time
   * @return this
   */
  public synchronized SimulatedEc2 bootTime(Duration bootTime) {
    world.bootTime = bootTime;
    return this;
  }

  /**
   * Sets how long a simple stage takes (30 seconds by default).
   *
   * @param duration the time
   * @return this
   */
  public synchronized SimulatedEc2 stageDuration(Duration duration) {
    this.stageDuration = duration;
    return this;
  }

  /**
   * Makes the next stage of an operation type (such as {@code createServerGroup}) fail with a message.
   *
   * @param operationType the operation type
   * @param message the failure, as the task will report it
   */
  public synchronized void failNextStage(String operationType, String message) {
    failNextStages(operationType, message, 1);
  }

  /**
   * Makes the next stages of an operation type fail with a message.
   *
   * @param operationType the operation type
   * @param message the failure, as the tasks will report it
   * @param count how many stages fail
   */
  public synchronized void failNextStages(String operationType, String message, int count) {
    failNextStage.put(operationType, message);
    failCount.put(operationType, count);
  }

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
  public synchronized void instancesNeverHealthy(boolean never) {
    world.neverHealthy = never;
  }

  @Override
  public void launchedNeverHealthy(boolean never) {
    instancesNeverHealthy(never);
  }

  /**
   * Makes the next reads fail as a 5xx would.
   *
   * @param count how many reads fail
   */
  public synchronized void failNextReads(int count) {
    failReads = count;
  }

  /**
   * Someone resizes a server group by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the group
   * @param desired the new instance count
   */
  public synchronized void externalResize(String account, String region, String serverGroup, int desired) {
    timeline.catchUp();
    world.resizeByHand(account, region, serverGroup, desired);
  }

  /**
   * Someone enables a server group by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the group
   */
  public synchronized void externalEnable(String account, String region, String serverGroup) {
    timeline.catchUp();
    world.enable(account, region, serverGroup);
  }

  /**
   * Someone disables a server group by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the group
   */
  public synchronized void externalDisable(String account, String region, String serverGroup) {
    timeline.catchUp();
    world.disableByHand(account, region, serverGroup);
  }

  /**
   * Adds a server group that was running before the simulation started, at once, without a task and visible
   * to reads at once: created a day ago (or just after the newest group of its cluster), its instances healthy
   * unless told otherwise. Add the groups of a cluster oldest first.
   *
   * @param model the server group; its name is the cluster's (or a server group's) and its location says
   *     where it runs
   * @param name the server group's name, such as {@code fnord-main-v003}, or null for the cluster's next
   * @param enabled whether it takes traffic
   * @param healthy whether its instances are healthy
   * @return the server group's name
   * @throws IllegalArgumentException if the name has no sequence or does not come after the cluster's newest
   */
  public synchronized String existingServerGroup(ServerGroup model, @Nullable String name, boolean enabled,
      boolean healthy) {
    timeline.catchUp();
    return world.existing(model, name, enabled, healthy);
  }

  /**
   * Someone applies an operation by hand, at once and without a task: for example a security group or load
   * balancer that exists outside any delivery config.
   *
   * @param operation the operation
   * @throws IllegalStateException if the operation fails
   */
  public synchronized void externalApply(Ec2Operation operation) {
    timeline.catchUp();
    apply(operation);
  }

  /**
   * Applies an operation that made something existing before the simulation started (a security group, a
   * load balancer): at once, without a task, and visible to reads at once whatever the read lag.
   *
   * @param operation the operation
   * @throws IllegalStateException if the operation fails
   */
  public synchronized void existing(Ec2Operation operation) {
    timeline.catchUp();
    world.visibleAtOnce(() -> apply(operation));
  }

  private void apply(Ec2Operation operation) {
    String[] failure = new String[1];
    world.run(operation, new SimWorld.StageCallback() {
      @Override
      public void done() {}

      @Override
      public void failed(String message) {
        failure[0] = message;
      }
    });
    if (failure[0] != null) {
      throw new IllegalStateException("Could not apply " + operation.description() + ": " + failure[0]);
    }
  }

  // ---- observation -------------------------------------------------------------------------------------

  /**
   * Every task request submitted, including ones answered with an already running task.
   *
   * @return the requests in order
   */
  public synchronized List<TaskRequest> submitted() {
    return List.copyOf(submitted);
  }

  /**
   * Every task started, in order.
   *
   * @return their statuses
   */
  public synchronized List<TaskExecution> tasks() {
    timeline.catchUp();
    return tasks.values().stream().map(SimTask::execution).toList();
  }

  /**
   * The true server groups of a cluster, without read lag.
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster
   * @return the groups, oldest first
   */
  public synchronized List<ServerGroupState> truth(String account, String region, String cluster) {
    timeline.catchUp();
    return world.truth(account, region, cluster);
  }

  @Override
  public synchronized List<String> serverGroupNames(String account, String region, String cluster) {
    return truth(account, region, cluster).stream().map(ServerGroupState::name).toList();
  }

  /** The simulator's time, after catching up with the clock. */
  synchronized Instant now() {
    timeline.catchUp();
    return timeline.now();
  }

  /** Whether a security group truly exists (without read lag or injected read failures). */
  synchronized boolean securityGroupExists(String account, String region, String name) {
    timeline.catchUp();
    return world.exists(SimWorld.SG, account, region, name);
  }

  /**
   * Runs every event due by the clock; useful after the clock moved without any call into the simulator.
   */
  public synchronized void catchUp() {
    timeline.catchUp();
  }

  // ---- reads -------------------------------------------------------------------------------------------

  private <T> T read(String what, Function<SimWorld, T> read) {
    timeline.catchUp();
    if (failReads > 0) {
      failReads--;
      throw new Ec2ReadException("Simulated EC2 returned 503 reading " + what + "; the read will be retried");
    }
    return read.apply(world);
  }

  @Override
  public synchronized List<ServerGroupState> serverGroups(String account, String region, String cluster) {
    return read("server groups of " + cluster, w -> w.visibleServerGroups(account, region, cluster));
  }

  @Override
  public synchronized Optional<SecurityGroup> securityGroup(String account, String region, String vpc, String name) {
    return read("security group " + name, w -> w.visible(SimWorld.SG, account, region, name, SecurityGroup.class)
        .filter(g -> g.vpc().equals(vpc)));
  }

  @Override
  public synchronized Optional<ClassicLoadBalancer> classicLoadBalancer(String account, String region, String name) {
    return read("load balancer " + name, w -> w.visible(SimWorld.LB, account, region, name, ClassicLoadBalancer.class));
  }

  @Override
  public synchronized Optional<ApplicationLoadBalancer> applicationLoadBalancer(String account, String region,
      String name) {
    return read("load balancer " + name,
        w -> w.visible(SimWorld.LB, account, region, name, ApplicationLoadBalancer.class));
  }

  @Override
  public synchronized Set<String> targetGroups(String account, String region) {
    return read("target groups", w -> w.targetGroups(account, region));
  }

  @Override
  public synchronized List<Catalog.Image> findImages(String appVersion, String account) {
    return read("images of " + appVersion, w -> catalog.findImages(appVersion));
  }

  @Override
  public synchronized Optional<Catalog.BaseImage> baseImage(String os, String label) {
    return read("base image " + os + "/" + label, w -> catalog.baseImage(os, label));
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
    Set<String> out = new java.util.TreeSet<>(catalog.regions(account));
    out.addAll(world.regions(account));
    return java.util.Collections.unmodifiableSet(out);
  }

  @Override
  public synchronized Optional<Catalog.Account> account(String account) {
    return catalog.account(account);
  }

  @Override
  public synchronized Optional<Catalog.Certificate> certificate(String account, String name) {
    return catalog.findCertificate(account, name);
  }

  // ---- tasks -------------------------------------------------------------------------------------------

  @Override
  public synchronized TaskExecution submit(TaskRequest request) {
    timeline.catchUp();
    submitted.add(request);
    SimTask running = runningByCorrelation.get(request.correlationId());
    if (running != null) {
      return running.execution();
    }
    int ordinal = tasksPerCorrelation.merge(request.correlationId(), 1, Integer::sum);
    SimTask task = new SimTask("sim-task-" + SimIds.serial(request.correlationId(), ordinal), request, timeline.now());
    tasks.put(task.id, task);
    runningByCorrelation.put(request.correlationId(), task);
    timeline.at(timeline.now(), () -> tryStart(task));
    return task.execution();
  }

  @Override
  public synchronized boolean isRunning(String correlationId) {
    timeline.catchUp();
    return runningByCorrelation.containsKey(correlationId);
  }

  @Override
  public synchronized Optional<TaskExecution> task(String taskId) {
    timeline.catchUp();
    return Optional.ofNullable(tasks.get(taskId)).map(SimTask::execution);
  }

  private void tryStart(SimTask task) {
    String after = task.request.afterTask();
    if (after != null) {
      SimTask dep = tasks.get(after);
      if (dep != null && !dep.state.isComplete()) {
        waitingOn.computeIfAbsent(after, k -> new ArrayList<>()).add(task);
        return;
      }
      if (dep != null && dep.state == TaskExecution.State.TERMINAL) {
        end(task, "The task it depends on (" + after + ") failed: " + dep.failure);
        return;
      }
    }
    var window = task.request.window();
    Instant now = timeline.now();
    int hour = now.atZone(java.time.ZoneOffset.UTC).getHour();
    if (window != null && !window.contains(hour)) {
      Instant nextHour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1));
      timeline.at(nextHour, () -> tryStart(task));
      return;
    }
    task.state = TaskExecution.State.RUNNING;
    timeline.at(now.plus(stageDuration), () -> runStage(task, 0));
  }

  private void runStage(SimTask task, int index) {
    List<Ec2Operation> ops = task.request.operations();
    if (index >= ops.size()) {
      Duration wait = task.request.waitAfter();
      if (wait != null && !task.waited) {
        task.waited = true;
        timeline.at(timeline.now().plus(wait), () -> runStage(task, index));
        return;
      }
      end(task, null);
      return;
    }
    Ec2Operation op = ops.get(index);
    String injected = failNextStage.get(op.type());
    if (injected != null) {
      if (failCount.merge(op.type(), -1, Integer::sum) <= 0) {
        failNextStage.remove(op.type());
        failCount.remove(op.type());
      }
      end(task, "Stage " + op.type() + " failed: " + injected);
      return;
    }
    if (op instanceof Ec2Operation.Bake bake) {
      timeline.at(timeline.now().plus(bakes.duration), () -> finishBake(task, index, bake));
      return;
    }
    world.run(op, new SimWorld.StageCallback() {
      @Override
      public void done() {
        timeline.at(timeline.now().plus(stageDuration), () -> runStage(task, index + 1));
      }

      @Override
      public void failed(String message) {
        end(task, "Stage " + op.type() + " failed: " + message);
      }
    });
  }

  private void finishBake(SimTask task, int index, Ec2Operation.Bake bake) {
    String failure = bakes.finish(bake, task.id, timeline.now());
    if (failure != null) {
      end(task, failure);
      return;
    }
    timeline.at(timeline.now(), () -> runStage(task, index + 1));
  }

  private void end(SimTask task, @Nullable String failure) {
    task.state = failure == null ? TaskExecution.State.SUCCEEDED : TaskExecution.State.TERMINAL;
    task.failure = failure;
    task.endedAt = timeline.now();
    runningByCorrelation.remove(task.request.correlationId(), task);
    for (SimTask waiting : waitingOn.getOrDefault(task.id, List.of())) {
      timeline.at(timeline.now(), () -> tryStart(waiting));
    }
    waitingOn.remove(task.id);
  }

  /** A task inside the simulator. */
  private static final class SimTask {
    final String id;
    final TaskRequest request;
    final Instant submittedAt;
    TaskExecution.State state = TaskExecution.State.NOT_STARTED;
    @Nullable String failure;
    @Nullable Instant endedAt;
    boolean waited;

    SimTask(String id, TaskRequest request, Instant submittedAt) {
      this.id = id;
      this.request = request;
      this.submittedAt = submittedAt;
    }

    TaskExecution execution() {
      return new TaskExecution(id, request.correlationId(), request.description(), state, failure, submittedAt, endedAt);
    }
  }

}
