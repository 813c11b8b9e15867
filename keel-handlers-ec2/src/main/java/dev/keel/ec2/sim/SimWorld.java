package dev.keel.ec2.sim;

import dev.keel.support.sim.SimExisting;
import dev.keel.support.sim.SimTimeline;

import dev.keel.ec2.cloud.Ec2Operation;
import dev.keel.ec2.cloud.ServerGroupState;
import dev.keel.ec2.model.Capacity;
import dev.keel.ec2.model.ServerGroup;
import dev.keel.ec2.model.SecurityGroup;
import dev.keel.ec2.spec.SecurityGroupRule;
import dev.keel.support.deploy.DeployStrategy;
import dev.keel.support.naming.ServerGroupNaming;
import dev.keel.spi.model.Moniker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The simulated EC2's resources and what operations do to them. Truth changes at once; the read model
 * follows after the read lag.
 */
final class SimWorld {

  static final String SG = "sg";
  static final String LB = "lb";

  /** How an operation reports back. */
  interface StageCallback {
    void done();

    void failed(String message);
  }

  private final SimTimeline timeline;
  private final Map<String, List<SimGroup>> clusters = new HashMap<>();
  private final Map<String, List<SimGroup.Snapshot>> visibleClusters = new HashMap<>();
  private final Map<String, Object> things = new HashMap<>();
  private final Map<String, Object> visibleThings = new HashMap<>();
  Duration readLag = Duration.ZERO;
  Duration bootTime = Duration.ofMinutes(2);
  boolean neverHealthy;
  private boolean atOnce;

  SimWorld(SimTimeline timeline) {
    this.timeline = timeline;
  }

  private static String key(String account, String region, String name) {
    return account + "/" + region + "/" + name;
  }

  // ---- read model ----

  private void publishCluster(String key) {
    List<SimGroup.Snapshot> snap = clusters.getOrDefault(key, List.of()).stream().map(SimGroup::snapshot).toList();
    publish(() -> visibleClusters.put(key, snap));
  }

  private void publishThing(String key) {
    Object value = things.get(key);
    publish(() -> {
      if (value == null) {
        visibleThings.remove(key);
      } else {
        visibleThings.put(key, value);
      }
    });
  }

  /** Runs a change whose results reads see at once, whatever the read lag: something that existed before. */
  void visibleAtOnce(Runnable change) {
    boolean before = atOnce;
    atOnce = true;
    try {
      change.run();
    } finally {
      atOnce = before;
    }
  }

  private void publish(Runnable r) {
    if (readLag.isZero() || atOnce) {
      r.run();
    } else {
      timeline.at(timeline.now().plus(readLag), r);
    }
  }

  List<ServerGroupState> visibleServerGroups(String account, String region, String cluster) {
    Instant now = timeline.now();
    return visibleClusters.getOrDefault(key(account, region, cluster), List.of()).stream().map(s -> s.at(now)).toList();
  }

  List<ServerGroupState> truth(String account, String region, String cluster) {
    Instant now = timeline.now();
    return clusters.getOrDefault(key(account, region, cluster), List.of()).stream()
        .map(g -> g.snapshot().at(now)).toList();
  }

  <T> Optional<T> visible(String type, String account, String region, String name, Class<T> cls) {
    Object v = visibleThings.get(type + ":" + key(account, region, name));
    return cls.isInstance(v) ? Optional.of(cls.cast(v)) : Optional.empty();
  }

  boolean exists(String type, String account, String region, String name) {
    return things.containsKey(type + ":" + key(account, region, name));
  }

  Set<String> targetGroups(String account, String region) {
    Set<String> out = new TreeSet<>();
    String prefix = LB + ":" + account + "/" + region + "/";
    visibleThings.forEach((k, v) -> {
      if (k.startsWith(prefix) && v instanceof dev.keel.ec2.model.ApplicationLoadBalancer alb) {
        alb.targetGroups().forEach(tg -> out.add(tg.name()));
      }
    });
    return out;
  }

  /** The regions of an account where any server group, security group or load balancer exists. */
  Set<String> regions(String account) {
    Set<String> out = new TreeSet<>();
    clusters.forEach((k, groups) -> {
      String[] parts = k.split("/", 3);
      if (!groups.isEmpty() && parts[0].equals(account)) {
        out.add(parts[1]);
      }
    });
    things.keySet().forEach(k -> {
      String[] parts = k.substring(k.indexOf(':') + 1).split("/", 3);
      if (parts[0].equals(account)) {
        out.add(parts[1]);
      }
    });
    return out;
  }

  // ---- external changes ----

  /**
   * Adds a server group that was there before the simulation started: created a day ago (or just after the
   * newest group of its cluster), with instances healthy from the start unless told otherwise.
   *
   * @return the server group's name
   */
  String existing(ServerGroup model, @Nullable String name, boolean enabled, boolean healthy) {
    String a = model.location().account();
    String r = model.location().region();
    Moniker cluster = Moniker.parse(name != null ? name : model.name()).cluster();
    String k = key(a, r, cluster.toName());
    List<SimGroup> groups = clusters.computeIfAbsent(k, x -> new ArrayList<>());
    SimGroup newest = groups.stream().reduce((x, y) -> y.createdAt.isBefore(x.createdAt) ? x : y).orElse(null);
    SimExisting placed = SimExisting.after(cluster, name, newest == null ? null : newest.name,
        newest == null ? null : newest.createdAt, timeline.now());
    String sgName = placed.name();
    Instant created = placed.createdAt();
    Set<String> processes = new TreeSet<>(model.suspendedProcesses());
    if (!enabled) {
      processes.addAll(ServerGroup.DISABLED_PROCESSES);
    }
    ServerGroup m = model.as(sgName, false).withSuspendedProcesses(processes);
    SimGroup g = new SimGroup(sgName, created, m, m.capacity().initialInstances(null), healthy ? created : null);
    g.enabled = enabled;
    groups.add(g);
    visibleAtOnce(() -> publishCluster(k));
    return sgName;
  }

  private Optional<SimGroup> find(String account, String region, String serverGroup) {
    String cluster = Moniker.parse(serverGroup).cluster().toName();
    return clusters.getOrDefault(key(account, region, cluster), List.of()).stream()
        .filter(g -> g.name.equals(serverGroup)).findFirst();
  }

  private void changed(String account, String region, String serverGroup) {
    publishCluster(key(account, region, Moniker.parse(serverGroup).cluster().toName()));
  }

  void resizeByHand(String account, String region, String serverGroup, int desired) {
    SimGroup g = find(account, region, serverGroup).orElseThrow(() -> new IllegalArgumentException(
        "No server group " + serverGroup + " in " + account + "/" + region));
    g.desired = desired;
    Capacity c = g.model.capacity();
    g.model = g.model.withCapacity(new Capacity(Math.min(c.min(), desired), Math.max(c.max(), desired),
        c.desired() == null ? null : desired));
    changed(account, region, serverGroup);
  }

  void enable(String account, String region, String serverGroup) {
    SimGroup g = find(account, region, serverGroup).orElseThrow(() -> new IllegalArgumentException(
        "No server group " + serverGroup + " in " + account + "/" + region));
    g.enabled = true;
    Set<String> processes = new TreeSet<>(g.model.suspendedProcesses());
    processes.removeAll(ServerGroup.DISABLED_PROCESSES);
    g.model = g.model.withSuspendedProcesses(processes);
    changed(account, region, serverGroup);
  }

  void disableByHand(String account, String region, String serverGroup) {
    SimGroup g = find(account, region, serverGroup).orElseThrow(() -> new IllegalArgumentException(
        "No server group " + serverGroup + " in " + account + "/" + region));
    disable(g, account, region);
  }

  private void disable(SimGroup g, String account, String region) {
    g.enabled = false;
    Set<String> processes = new TreeSet<>(g.model.suspendedProcesses());
    processes.addAll(ServerGroup.DISABLED_PROCESSES);
    g.model = g.model.withSuspendedProcesses(processes);
    changed(account, region, g.name);
  }

  @Nullable
  private Instant bootedAt() {
    return neverHealthy ? null : timeline.now().plus(bootTime);
  }

  // ---- operations ----

  void run(Ec2Operation op, StageCallback cb) {
    String a = op.account();
    String r = op.region();
    if (op instanceof Ec2Operation.CreateServerGroup c) {
      create(c, cb);
    } else if (op instanceof Ec2Operation.ResizeServerGroup rs) {
      withGroup(a, r, rs.serverGroupName(), cb, g -> {
        g.model = g.model.withCapacity(rs.capacity());
        int before = g.desired;
        g.desired = rs.capacity().initialInstances(g.desired);
        if (g.desired > before && g.healthyAt != null) {
          g.healthyAt = bootedAt();
        }
      });
    } else if (op instanceof Ec2Operation.DisableServerGroup d) {
      withGroup(a, r, d.serverGroupName(), cb, g -> disable(g, a, r));
    } else if (op instanceof Ec2Operation.DestroyServerGroup d) {
      withGroup(a, r, d.serverGroupName(), cb, g -> {
        clusters.get(key(a, r, Moniker.parse(g.name).cluster().toName())).remove(g);
      });
    } else if (op instanceof Ec2Operation.RollbackServerGroup rb) {
      rollback(rb, cb);
    } else if (op instanceof Ec2Operation.DeleteScalingPolicies d) {
      withGroup(a, r, d.serverGroupName(), cb, g -> g.model = g.model.withScaling(g.model.scaling().minus(d.policies())));
    } else if (op instanceof Ec2Operation.UpsertScalingPolicies u) {
      withGroup(a, r, u.serverGroupName(), cb, g -> g.model = g.model.withScaling(g.model.scaling().plus(u.policies())));
    } else if (op instanceof Ec2Operation.UpsertSecurityGroup u) {
      upsertSecurityGroup(u, cb);
    } else if (op instanceof Ec2Operation.DeleteSecurityGroup d) {
      String k = SG + ":" + key(a, r, d.name());
      things.remove(k);
      publishThing(k);
      cb.done();
    } else if (op instanceof Ec2Operation.UpsertClassicLoadBalancer u) {
      putLoadBalancer(a, r, u.loadBalancer().name(), u.loadBalancer(), u.loadBalancer().location().vpc(), cb);
    } else if (op instanceof Ec2Operation.UpsertApplicationLoadBalancer u) {
      putLoadBalancer(a, r, u.loadBalancer().name(), u.loadBalancer(), u.loadBalancer().location().vpc(), cb);
    } else if (op instanceof Ec2Operation.DeleteLoadBalancer d) {
      String k = LB + ":" + key(a, r, d.name());
      things.remove(k);
      publishThing(k);
      cb.done();
    }
  }

  private void withGroup(String account, String region, String name, StageCallback cb,
      java.util.function.Consumer<SimGroup> change) {
    Optional<SimGroup> g = find(account, region, name);
    if (g.isEmpty()) {
      cb.failed("No server group " + name + " in " + account + "/" + region);
      return;
    }
    change.accept(g.get());
    changed(account, region, name);
    cb.done();
  }

  private void create(Ec2Operation.CreateServerGroup c, StageCallback cb) {
    ServerGroup desired = c.serverGroup();
    String a = c.account();
    String r = c.region();
    Moniker cluster = Moniker.parse(desired.name()).cluster();
    String k = key(a, r, cluster.toName());
    List<SimGroup> groups = clusters.computeIfAbsent(k, x -> new ArrayList<>());
    Optional<SimGroup> source = c.source() == null ? Optional.empty() : find(a, r, c.source());
    if (c.strategy() instanceof DeployStrategy.RollingPush && source.isPresent()) {
      SimGroup g = source.get();
      g.model = desired.as(g.name, false).withCapacity(desired.capacity());
      g.healthyAt = bootedAt();
      publishCluster(k);
      awaitHealthy(g, a, r, Duration.ofMinutes(30), cb, () -> cb.done());
      return;
    }
    String newest = groups.stream().max((x, y) -> x.createdAt.compareTo(y.createdAt)).map(g -> g.name).orElse(null);
    String name = ServerGroupNaming.next(cluster, newest).serverGroupName();
    int instances = desired.capacity().initialInstances(source.map(g -> g.desired).orElse(null));
    SimGroup created = new SimGroup(name, timeline.now(), desired.as(name, false), instances, bootedAt());
    groups.add(created);
    publishCluster(k);
    DeployStrategy strategy = c.strategy();
    Duration timeout = strategy instanceof DeployStrategy.RedBlack rb ? rb.waitForInstancesUp() : Duration.ofMinutes(30);
    awaitHealthy(created, a, r, timeout, new StageCallback() {
      @Override
      public void done() {
        cb.done();
      }

      @Override
      public void failed(String message) {
        if (strategy instanceof DeployStrategy.RedBlack rb && rb.rollbackOnFailure()) {
          disable(created, a, r);
        }
        cb.failed(message);
      }
    }, () -> afterHealthy(created, groups, strategy, a, r, k, cb));
  }

  private void awaitHealthy(SimGroup g, String a, String r, Duration timeout, StageCallback cb, Runnable then) {
    Instant deadline = timeline.now().plus(timeout);
    Instant healthy = g.healthyAt;
    if (healthy != null && !healthy.isAfter(deadline)) {
      timeline.at(healthy, then);
    } else {
      timeline.at(deadline, () -> cb.failed("Instances of " + g.name + " in " + a + "/" + r
          + " did not become healthy within " + timeout));
    }
  }

  private void afterHealthy(SimGroup created, List<SimGroup> groups, DeployStrategy strategy, String a, String r,
      String k, StageCallback cb) {
    List<SimGroup> others = groups.stream().filter(g -> g != created).collect(Collectors.toList());
    if (strategy instanceof DeployStrategy.Highlander) {
      groups.removeAll(others);
      publishCluster(k);
      cb.done();
    } else if (strategy instanceof DeployStrategy.RedBlack rb) {
      timeline.at(timeline.now().plus(rb.delayBeforeDisable()), () -> {
        others.stream().filter(g -> g.enabled).forEach(g -> disable(g, a, r));
        Runnable finish = () -> {
          List<SimGroup> byAge = new ArrayList<>(groups);
          byAge.sort((x, y) -> x.createdAt.compareTo(y.createdAt));
          while (byAge.size() > rb.maxServerGroups()) {
            groups.remove(byAge.remove(0));
          }
          publishCluster(k);
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

  private void rollback(Ec2Operation.RollbackServerGroup rb, StageCallback cb) {
    String a = rb.account();
    String r = rb.region();
    Optional<SimGroup> restore = find(a, r, rb.restore());
    if (restore.isEmpty()) {
      cb.failed("No server group " + rb.restore() + " to roll back to in " + a + "/" + r);
      return;
    }
    SimGroup g = restore.get();
    enable(a, r, g.name);
    int before = g.desired;
    g.model = g.model.withCapacity(rb.capacity());
    g.desired = rb.capacity().initialInstances(before);
    if (g.desired > before || g.healthyAt == null) {
      g.healthyAt = bootedAt();
    }
    changed(a, r, g.name);
    awaitHealthy(g, a, r, Duration.ofMinutes(30), cb, () -> {
      if (rb.disable() != null) {
        find(a, r, rb.disable()).ifPresent(d -> disable(d, a, r));
      }
      cb.done();
    });
  }

  private void upsertSecurityGroup(Ec2Operation.UpsertSecurityGroup u, StageCallback cb) {
    SecurityGroup sg = u.securityGroup();
    String a = sg.account();
    String r = sg.region();
    String k = SG + ":" + key(a, r, sg.name());
    Set<SecurityGroupRule> rules = new HashSet<>();
    for (SecurityGroupRule rule : sg.inboundRules()) {
      boolean self = rule.type(a) == SecurityGroupRule.Type.REFERENCE && sg.name().equals(rule.name());
      if (self && !things.containsKey(k)) {
        if (u.create()) {
          continue;
        }
        cb.failed("Security group " + sg.name() + " cannot reference itself before it exists");
        return;
      }
      if (!self && rule.type(a) == SecurityGroupRule.Type.REFERENCE
          && !things.containsKey(SG + ":" + key(a, r, rule.name()))) {
        cb.failed("Rule references security group " + rule.name() + " which does not exist in " + a + "/" + r);
        return;
      }
      rules.add(rule);
    }
    things.put(k, new SecurityGroup(sg.name(), a, r, sg.vpc(), sg.description(), rules));
    publishThing(k);
    cb.done();
  }

  private void putLoadBalancer(String a, String r, String name, Object lb, String vpc, StageCallback cb) {
    String k = LB + ":" + key(a, r, name);
    things.put(k, lb);
    publishThing(k);
    String app = Moniker.parse(name).app();
    String elb = SG + ":" + key(a, r, app + "-elb");
    if (!things.containsKey(elb)) {
      things.put(elb, new SecurityGroup(app + "-elb", a, r, vpc, "Created with load balancer " + name, Set.of()));
      publishThing(elb);
    }
    cb.done();
  }
}
