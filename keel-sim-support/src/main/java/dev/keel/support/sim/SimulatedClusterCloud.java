package dev.keel.support.sim;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ClusterCloud;
import dev.keel.cloud.api.ClusterServerGroup;
import dev.keel.cloud.api.ScalingPolicies;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.ServerGroupState;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * What every simulated cluster cloud is, on an injected clock: its {@link SimClusters} behind the
 * {@link ClusterCloud} reads, Orca-like {@link SimTasks} whose server group stages run on those clusters,
 * injectable read failures and stage failures, and the changes by hand a scenario plays. It never starts
 * threads: every call first catches up with the clock. A cloud's simulator extends it with its own reads and
 * operations (EC2's catalog, security groups, load balancers and bakes; Titus's registries and batch jobs).
 *
 * @param <G> the cloud's server group model
 * @param <P> its scaling policies
 * @param <S> what the cloud reports of one server group
 */
public abstract class SimulatedClusterCloud<G extends ClusterServerGroup<G, P>, P extends ScalingPolicies<P>,
    S extends ServerGroupState<G>> implements ClusterCloud<G, S>, SimulatedCloud {

  /** The simulator's own timeline, which every call catches up with the clock first. */
  protected final SimTimeline timeline;
  private final SimClusters<G, P, S> clusters;
  private final SimTasks tasks;
  private final String serverGroups;
  private int failReads;

  /**
   * A simulated cloud.
   *
   * @param clock the clock tasks progress on
   * @param taskIdPrefix what its task ids start with, such as {@code sim-task-}
   * @param serverGroups what it calls server groups, in the plural, for messages: {@code server groups}
   * @param clusters makes the cloud's clusters on its timeline
   */
  protected SimulatedClusterCloud(Clock clock, String taskIdPrefix, String serverGroups,
      Function<SimTimeline, SimClusters<G, P, S>> clusters) {
    this.timeline = new SimTimeline(clock);
    this.clusters = clusters.apply(timeline);
    this.tasks = new SimTasks(timeline, taskIdPrefix, this::runStage);
    this.serverGroups = serverGroups;
  }

  /**
   * The failure of a read that the cloud could not answer, as a 5xx would be reported.
   *
   * @param message what failed
   * @return the cloud's read exception
   */
  protected abstract RuntimeException readFailure(String message);

  /**
   * Runs one stage of a task: server group operations on the clusters. A cloud with operations of its own
   * overrides it and passes server group operations on.
   *
   * @param operation the operation
   * @param taskId the task it is a stage of
   * @param end where the stage reports its end
   */
  protected void runStage(CloudOperation operation, String taskId, SimTasks.StageEnd end) {
    if (operation instanceof ServerGroupOperation op) {
      clusters.run(op, end);
    } else {
      end.failed("the simulated cloud cannot run " + operation.getClass().getName());
    }
  }

  /**
   * The cloud's clusters.
   *
   * @return them
   */
  protected final SimClusters<G, P, S> clusters() {
    return clusters;
  }

  /**
   * Reads after catching up with the clock, or fails as a 5xx would while injected read failures last.
   *
   * @param what what is read, for the failure
   * @param read the read
   * @param <T> what it returns
   * @return what it returned
   */
  protected final <T> T read(String what, Supplier<T> read) {
    timeline.catchUp();
    if (failReads > 0) {
      failReads--;
      throw readFailure("returned 503 reading " + what + "; the read will be retried");
    }
    return read.get();
  }

  // ---- settings and faults -------------------------------------------------------------------------------

  /**
   * Sets how long writes take to become visible to reads (0 by default).
   *
   * @param lag the lag
   */
  public synchronized void readLag(Duration lag) {
    clusters.readLag(lag);
  }

  /**
   * Sets how long new instances take to become healthy (2 minutes by default).
   *
   * @param bootTime the time
   */
  public synchronized void bootTime(Duration bootTime) {
    clusters.bootTime(bootTime);
  }

  /**
   * Sets how long a simple stage takes, and the wait before a task's first stage (30 seconds by default).
   *
   * @param duration the time
   */
  public synchronized void stageDuration(Duration duration) {
    tasks.stageDuration(duration);
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

  @Override
  public synchronized void failNextStages(String operationType, String message, int count) {
    tasks.failNextStages(operationType, message, count);
  }

  @Override
  public synchronized void failNextReads(int count) {
    failReads = count;
  }

  @Override
  public synchronized void launchedNeverHealthy(boolean never) {
    clusters.launchedNeverHealthy(never);
  }

  // ---- changes by hand -----------------------------------------------------------------------------------

  @Override
  public synchronized void externalResize(String account, String region, String serverGroup, int desired) {
    timeline.catchUp();
    clusters.resizeByHand(account, region, serverGroup, desired);
  }

  @Override
  public synchronized void externalEnable(String account, String region, String serverGroup) {
    timeline.catchUp();
    clusters.enableByHand(account, region, serverGroup);
  }

  @Override
  public synchronized void externalDisable(String account, String region, String serverGroup) {
    timeline.catchUp();
    clusters.disableByHand(account, region, serverGroup);
  }

  /**
   * Adds a server group that was running before the simulation started, at once, without a task and visible
   * to reads at once: created a day ago (or just after the newest group of its cluster), its instances healthy
   * unless told otherwise. Add the groups of a cluster oldest first.
   *
   * @param model the server group; its name is the cluster's (or a server group's) and it says where it runs
   * @param name the server group's name, such as {@code fnord-main-v003}, or null for the cluster's next
   * @param enabled whether it takes traffic
   * @param healthy whether its instances are healthy
   * @return the server group's name
   * @throws IllegalArgumentException if the name has no sequence or does not come after the cluster's newest
   */
  public synchronized String existingServerGroup(G model, @Nullable String name, boolean enabled, boolean healthy) {
    timeline.catchUp();
    return clusters.existing(model, name, enabled, healthy);
  }

  /**
   * Someone runs an operation by hand, outside any task, at once: for example a security group or load balancer
   * that exists outside any delivery config. What it starts (instances booting) goes on as the clock advances.
   *
   * @param operation the operation
   * @throws IllegalStateException if the operation fails
   */
  public synchronized void externalApply(CloudOperation operation) {
    timeline.catchUp();
    apply(operation);
  }

  /**
   * Runs an operation outside any task, the caller holding the lock and having caught up.
   *
   * @param operation the operation
   * @throws IllegalStateException if the operation fails
   */
  protected final void apply(CloudOperation operation) {
    String[] failure = new String[1];
    runStage(operation, "by-hand", new SimTasks.StageEnd() {
      @Override
      public void done() {}

      @Override
      public void next() {}

      @Override
      public void failed(String message) {
        failure[0] = message;
      }

      @Override
      public void failTask(String message) {
        failure[0] = message;
      }
    });
    if (failure[0] != null) {
      throw new IllegalStateException("Could not apply " + operation.description() + ": " + failure[0]);
    }
  }

  // ---- observation ---------------------------------------------------------------------------------------

  /**
   * Every task request submitted, including ones answered with an already running task.
   *
   * @return the requests in order
   */
  public synchronized List<TaskRequest> submitted() {
    return tasks.submitted();
  }

  /**
   * Every task started, in order.
   *
   * @return their statuses
   */
  public synchronized List<TaskExecution> tasks() {
    timeline.catchUp();
    return tasks.tasks();
  }

  /**
   * The true server groups of a cluster, without read lag or injected read failures.
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster
   * @return the server groups, oldest first
   */
  public synchronized List<S> truth(String account, String region, String cluster) {
    timeline.catchUp();
    return clusters.truth(account, region, cluster);
  }

  @Override
  public synchronized List<String> serverGroupNames(String account, String region, String cluster) {
    timeline.catchUp();
    return clusters.names(account, region, cluster);
  }

  /** Runs every event due by the clock; useful after the clock moved without any call into the simulator. */
  public synchronized void catchUp() {
    timeline.catchUp();
  }

  /**
   * The simulator's time, after catching up with the clock.
   *
   * @return now
   */
  public synchronized Instant now() {
    timeline.catchUp();
    return timeline.now();
  }

  // ---- the port ------------------------------------------------------------------------------------------

  @Override
  public synchronized List<S> serverGroups(String account, String region, String cluster) {
    return read(serverGroups + " of " + cluster, () -> clusters.visible(account, region, cluster));
  }

  @Override
  public synchronized TaskExecution submit(TaskRequest request) {
    timeline.catchUp();
    return tasks.submit(request);
  }

  @Override
  public synchronized boolean isRunning(String correlationId) {
    timeline.catchUp();
    return tasks.isRunning(correlationId);
  }

  @Override
  public synchronized Optional<TaskExecution> task(String taskId) {
    timeline.catchUp();
    return tasks.task(taskId);
  }
}
