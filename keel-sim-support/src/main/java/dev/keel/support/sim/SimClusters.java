package dev.keel.support.sim;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ClusterServerGroup;
import dev.keel.cloud.api.ScalingPolicies;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.spi.model.Moniker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * The server groups of a simulated cloud's clusters: the truth, the read model that follows it after the read
 * lag, and the {@link ServerGroupOperation}s with the semantics of Spinnaker's deploy strategies (red-black with
 * its delays, scale-down, trimming and rollback on failure; highlander; none; rolling push), rollbacks,
 * resizes, scaling policies and changes by hand. New server groups get the cluster's next sequence, and their
 * instances become healthy after the boot time, or never when told so. A cloud extends it with what is its
 * own ({@link SimCloudModel}): how it reports a server group, what disabling changes in its model, the ids it
 * gives.
 *
 * <p>Not thread-safe: the simulated cloud that owns it calls it under its own lock, after catching up with the
 * clock.
 *
 * @param <G> the cloud's server group model
 * @param <P> its scaling policies
 * @param <S> what the cloud reports of one server group
 */
public abstract class SimClusters<G extends ClusterServerGroup<G, P>, P extends ScalingPolicies<P>, S>
    extends SimCloudModel<G, P, S> {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  private final SimTimeline timeline;
  private final String launched;
  private final Map<String, List<SimServerGroup<G>>> clusters = new HashMap<>();
  private final SimReadModel<G> reads;
  private Duration bootTime = Duration.ofMinutes(2);
  private boolean neverHealthy;

  /**
   * The clusters of a cloud.
   *
   * @param timeline the cloud's timeline
   * @param launched what the cloud launches, capitalised in the plural, for messages: {@code Instances}
   */
  protected SimClusters(SimTimeline timeline, String launched) {
    this.timeline = timeline;
    this.launched = launched;
    this.reads = new SimReadModel<>(timeline);
  }

  // ---- settings ------------------------------------------------------------------------------------------

  /**
   * Sets how long writes take to become visible to reads (0 by default).
   *
   * @param lag the lag
   */
  public void readLag(Duration lag) {
    reads.readLag(lag);
  }

  /**
   * Sets how long new instances take to become healthy (2 minutes by default).
   *
   * @param time the time
   */
  public void bootTime(Duration time) {
    this.bootTime = time;
  }

  /**
   * Makes what is launched from now on never become healthy, or healthy again.
   *
   * @param never true to keep them unhealthy
   */
  public void launchedNeverHealthy(boolean never) {
    this.neverHealthy = never;
  }

  // ---- reads ---------------------------------------------------------------------------------------------

  private static String key(String account, String region, String cluster) {
    return account + "/" + region + "/" + cluster;
  }

  private static String keyOf(String account, String region, String serverGroup) {
    return key(account, region, Moniker.parse(serverGroup).cluster().toName());
  }

  /**
   * The server groups of a cluster as reads see them, after the read lag.
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster
   * @return the server groups, oldest first
   */
  public List<S> visible(String account, String region, String cluster) {
    return reads.cluster(key(account, region, cluster)).stream().map(this::state).toList();
  }

  /**
   * The server groups of a cluster as they truly are.
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster
   * @return the server groups, oldest first
   */
  public List<S> truth(String account, String region, String cluster) {
    return clusters.getOrDefault(key(account, region, cluster), List.of()).stream()
        .map(g -> state(g.snapshot())).toList();
  }

  /**
   * The names of a cluster's server groups as they truly are.
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster
   * @return the names, oldest first
   */
  public List<String> names(String account, String region, String cluster) {
    return clusters.getOrDefault(key(account, region, cluster), List.of()).stream().map(g -> g.name).toList();
  }

  /**
   * The regions of an account where a server group exists.
   *
   * @param account the account
   * @return the regions
   */
  public Set<String> regions(String account) {
    Set<String> out = new TreeSet<>();
    clusters.forEach((k, groups) -> {
      String[] parts = k.split("/", 3);
      if (!groups.isEmpty() && parts[0].equals(account)) {
        out.add(parts[1]);
      }
    });
    return out;
  }

  private S state(SimServerGroup.Snapshot<G> s) {
    G reported = named(s.model(), s.name(), s.id()).withCapacity(s.reportedCapacity());
    return state(s, reported, s.instances(timeline.now()));
  }

  /**
   * Makes a change visible to reads after the read lag, or at once for what existed before the simulation.
   *
   * @param change what the read model sees
   */
  protected void publish(Runnable change) {
    reads.publish(change);
  }

  /**
   * Runs a change whose results reads see at once, whatever the read lag: something that existed before.
   *
   * @param change the change
   */
  public void visibleAtOnce(Runnable change) {
    reads.atOnce(change);
  }

  private void publish(String key) {
    reads.publish(key, clusters.getOrDefault(key, List.of()));
  }

  // ---- changes by hand -----------------------------------------------------------------------------------

  /**
   * Adds a server group that was there before the simulation started: created a day ago (or just after the
   * newest group of its cluster), with instances healthy from the start unless told otherwise, visible at once.
   *
   * @param model the server group; its name is the cluster's (or a server group's)
   * @param name the server group's name, or null for the cluster's next
   * @param enabled whether it takes traffic
   * @param healthy whether its instances are healthy
   * @return the server group's name
   * @throws IllegalArgumentException if the name has no sequence or does not come after the cluster's newest
   */
  public String existing(G model, @Nullable String name, boolean enabled, boolean healthy) {
    Moniker cluster = Moniker.parse(name != null ? name : model.name()).cluster();
    String k = key(model.account(), model.region(), cluster.toName());
    List<SimServerGroup<G>> groups = clusters.computeIfAbsent(k, x -> new ArrayList<>());
    SimServerGroup<G> newest = groups.stream().reduce((x, y) -> y.createdAt.isBefore(x.createdAt) ? x : y).orElse(null);
    SimExisting placed = SimExisting.after(cluster, name, newest == null ? null : newest.name,
        newest == null ? null : newest.createdAt, timeline.now());
    String id = newId();
    G named = named(model, placed.name(), id);
    SimServerGroup<G> group = new SimServerGroup<>(placed.name(), id, placed.createdAt(),
        enabled ? named : disabled(named), model.capacity().initialInstances(null), healthy ? placed.createdAt() : null);
    group.enabled = enabled;
    changed(group);
    groups.add(group);
    visibleAtOnce(() -> publish(k));
    return placed.name();
  }

  private SimServerGroup<G> existing(String account, String region, String name) {
    return find(account, region, name).orElseThrow(() -> new IllegalArgumentException("No server group " + name
        + " in " + account + "/" + region));
  }

  /**
   * Someone resizes a server group by hand (min and max widen to fit).
   *
   * @param account the account
   * @param region the region
   * @param name the server group
   * @param desired the new instance count
   * @throws IllegalArgumentException if there is no such server group
   */
  public void resizeByHand(String account, String region, String name, int desired) {
    SimServerGroup<G> g = existing(account, region, name);
    g.desired = desired;
    Capacity c = g.model.capacity();
    g.model = g.model.withCapacity(new Capacity(Math.min(c.min(), desired), Math.max(c.max(), desired),
        c.desired() == null ? null : desired));
    publish(keyOf(account, region, name));
  }

  /**
   * Someone enables a server group by hand.
   *
   * @param account the account
   * @param region the region
   * @param name the server group
   * @throws IllegalArgumentException if there is no such server group
   */
  public void enableByHand(String account, String region, String name) {
    enable(existing(account, region, name));
    publish(keyOf(account, region, name));
  }

  /**
   * Someone disables a server group by hand.
   *
   * @param account the account
   * @param region the region
   * @param name the server group
   * @throws IllegalArgumentException if there is no such server group
   */
  public void disableByHand(String account, String region, String name) {
    disable(existing(account, region, name));
    publish(keyOf(account, region, name));
  }

  private void enable(SimServerGroup<G> g) {
    g.enabled = true;
    g.model = enabled(g.model);
  }

  private void disable(SimServerGroup<G> g) {
    g.enabled = false;
    g.model = disabled(g.model);
  }

  private Optional<SimServerGroup<G>> find(String account, String region, String name) {
    return clusters.getOrDefault(keyOf(account, region, name), List.of()).stream().filter(g -> g.name.equals(name))
        .findFirst();
  }

  @Nullable
  private Instant bootedAt() {
    return neverHealthy ? null : timeline.now().plus(bootTime);
  }

  // ---- operations ----------------------------------------------------------------------------------------

  /**
   * Runs an operation as a stage.
   *
   * @param op the operation
   * @param cb where it reports its end
   */
  @SuppressWarnings("unchecked")
  public void run(ServerGroupOperation op, SimTasks.StageCallback cb) {
    String a = op.account();
    String r = op.region();
    if (op instanceof ServerGroupOperation.CreateServerGroup<?> c) {
      create((G) c.serverGroup(), c.strategy(), c.source(), cb);
    } else if (op instanceof ServerGroupOperation.ResizeServerGroup rs) {
      withGroup(a, r, rs.serverGroupName(), cb, g -> {
        g.model = g.model.withCapacity(rs.capacity());
        int before = g.desired;
        g.desired = rs.capacity().initialInstances(g.desired);
        if (g.desired > before && g.healthyAt != null) {
          g.healthyAt = bootedAt();
        }
      });
    } else if (op instanceof ServerGroupOperation.DisableServerGroup d) {
      withGroup(a, r, d.serverGroupName(), cb, this::disable);
    } else if (op instanceof ServerGroupOperation.DestroyServerGroup d) {
      withGroup(a, r, d.serverGroupName(), cb, g -> clusters.get(keyOf(a, r, g.name)).remove(g));
    } else if (op instanceof ServerGroupOperation.RollbackServerGroup rb) {
      rollback(rb, cb);
    } else if (op instanceof ServerGroupOperation.DeleteScalingPolicies<?> d) {
      Optional<SimServerGroup<G>> group = find(a, r, d.serverGroupName());
      String refused = group.isEmpty() ? null
          : deletePolicies(group.get(), (ServerGroupOperation.DeleteScalingPolicies<P>) d);
      if (refused != null) {
        cb.failed(refused);
        return;
      }
      withGroup(a, r, d.serverGroupName(), cb, g -> { });
    } else if (op instanceof ServerGroupOperation.UpsertScalingPolicies<?> u) {
      P added = (P) u.policies();
      withGroup(a, r, u.serverGroupName(), cb, g -> g.model = g.model.withScaling(g.model.scaling().plus(added)));
    }
  }

  private void withGroup(String account, String region, String name, SimTasks.StageCallback cb,
      Consumer<SimServerGroup<G>> change) {
    Optional<SimServerGroup<G>> g = find(account, region, name);
    if (g.isEmpty()) {
      cb.failed("No server group " + name + " in " + account + "/" + region);
      return;
    }
    change.accept(g.get());
    changed(g.get());
    publish(keyOf(account, region, name));
    cb.done();
  }

  private void create(G desired, DeployStrategy strategy, @Nullable String sourceName, SimTasks.StageCallback cb) {
    String a = desired.account();
    String r = desired.region();
    Moniker cluster = Moniker.parse(desired.name()).cluster();
    String k = key(a, r, cluster.toName());
    List<SimServerGroup<G>> groups = clusters.computeIfAbsent(k, x -> new ArrayList<>());
    Optional<SimServerGroup<G>> source = sourceName == null ? Optional.empty() : find(a, r, sourceName);
    if (strategy instanceof DeployStrategy.RollingPush && source.isPresent()) {
      SimServerGroup<G> g = source.get();
      g.model = named(desired, g.name, g.id);
      changed(g);
      g.healthyAt = bootedAt();
      publish(k);
      awaitHealthy(g, DEFAULT_TIMEOUT, cb, cb::done);
      return;
    }
    String newest = groups.stream().max(Comparator.comparing(g -> g.createdAt)).map(g -> g.name).orElse(null);
    String name = ServerGroupNaming.next(cluster, newest).serverGroupName();
    int instances = desired.capacity().initialInstances(source.map(g -> g.desired).orElse(null));
    String id = newId();
    SimServerGroup<G> created = new SimServerGroup<>(name, id, timeline.now(), named(desired, name, id), instances,
        bootedAt());
    changed(created);
    groups.add(created);
    publish(k);
    Duration timeout = strategy instanceof DeployStrategy.RedBlack rb ? rb.waitForInstancesUp() : DEFAULT_TIMEOUT;
    awaitHealthy(created, timeout, new SimTasks.StageCallback() {
      @Override
      public void done() {
        cb.done();
      }

      @Override
      public void failed(String message) {
        if (strategy instanceof DeployStrategy.RedBlack rb && rb.rollbackOnFailure()) {
          disable(created);
          publish(k);
        }
        cb.failed(message);
      }
    }, () -> afterHealthy(created, groups, strategy, k, cb));
  }

  private void awaitHealthy(SimServerGroup<G> g, Duration timeout, SimTasks.StageCallback cb, Runnable then) {
    Instant deadline = timeline.now().plus(timeout);
    Instant healthy = g.healthyAt;
    if (healthy != null && !healthy.isAfter(deadline)) {
      timeline.at(healthy, then);
    } else {
      timeline.at(deadline, () -> cb.failed(launched + " of " + g.name + " in " + g.model.account() + "/"
          + g.model.region() + " did not become healthy within " + timeout));
    }
  }

  private void afterHealthy(SimServerGroup<G> created, List<SimServerGroup<G>> groups, DeployStrategy strategy,
      String k, SimTasks.StageCallback cb) {
    List<SimServerGroup<G>> others = groups.stream().filter(g -> g != created).toList();
    if (strategy instanceof DeployStrategy.Highlander) {
      groups.removeAll(others);
      publish(k);
      cb.done();
    } else if (strategy instanceof DeployStrategy.RedBlack rb) {
      timeline.at(timeline.now().plus(rb.delayBeforeDisable()), () -> {
        others.stream().filter(g -> g.enabled).forEach(this::disable);
        publish(k);
        Runnable finish = () -> {
          List<SimServerGroup<G>> byAge = new ArrayList<>(groups);
          byAge.sort(Comparator.comparing(g -> g.createdAt));
          while (byAge.size() > rb.maxServerGroups()) {
            groups.remove(byAge.remove(0));
          }
          publish(k);
          cb.done();
        };
        if (rb.resizePreviousToZero()) {
          timeline.at(timeline.now().plus(rb.delayBeforeScaleDown()), () -> {
            others.stream().filter(g -> !g.enabled).forEach(g -> {
              g.desired = 0;
              g.model = g.model.withCapacity(new Capacity(0, 0, g.model.capacity().desired() == null ? null : 0));
            });
            finish.run();
          });
        } else {
          finish.run();
        }
      });
    } else {
      cb.done();
    }
  }

  private void rollback(ServerGroupOperation.RollbackServerGroup rb, SimTasks.StageCallback cb) {
    String a = rb.account();
    String r = rb.region();
    Optional<SimServerGroup<G>> restore = find(a, r, rb.restore());
    if (restore.isEmpty()) {
      cb.failed("No server group " + rb.restore() + " to roll back to in " + a + "/" + r);
      return;
    }
    SimServerGroup<G> g = restore.get();
    enable(g);
    int before = g.desired;
    g.model = g.model.withCapacity(rb.capacity());
    g.desired = rb.capacity().initialInstances(before);
    if (g.desired > before || g.healthyAt == null) {
      g.healthyAt = bootedAt();
    }
    String k = keyOf(a, r, g.name);
    publish(k);
    awaitHealthy(g, DEFAULT_TIMEOUT, cb, () -> {
      if (rb.disable() != null) {
        find(a, r, rb.disable()).ifPresent(this::disable);
      }
      publish(k);
      cb.done();
    });
  }
}
