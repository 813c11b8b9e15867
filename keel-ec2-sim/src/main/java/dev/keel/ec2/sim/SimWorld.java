package dev.keel.ec2.sim;

import dev.keel.cloud.api.InstanceCounts;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.spi.model.Moniker;
import dev.keel.support.sim.SimClusters;
import dev.keel.support.sim.SimServerGroup;
import dev.keel.support.sim.SimTasks;
import dev.keel.support.sim.SimTimeline;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * The simulated EC2's resources: auto scaling groups (the shared {@link SimClusters}: a disabled group has
 * {@code Launch}, {@code AddToLoadBalancer} and {@code Terminate} suspended), security groups and load
 * balancers. Truth changes at once; the read model follows after the read lag.
 */
final class SimWorld extends SimClusters<Ec2ServerGroup, Scaling, Ec2ServerGroupState> {

  static final String SG = "sg";
  static final String LB = "lb";

  private final Map<String, Object> things = new HashMap<>();
  private final Map<String, Object> visibleThings = new HashMap<>();

  SimWorld(SimTimeline timeline) {
    super(timeline, "Instances");
  }

  @Override
  protected Ec2ServerGroupState state(SimServerGroup.Snapshot<Ec2ServerGroup> group, Ec2ServerGroup reported,
      InstanceCounts instances) {
    return new Ec2ServerGroupState(group.name(), group.createdAt(), group.enabled(), reported, group.desired(),
        instances);
  }

  @Override
  protected Ec2ServerGroup named(Ec2ServerGroup model, String name, @Nullable String id) {
    return model.as(name, false);
  }

  @Override
  protected Ec2ServerGroup disabled(Ec2ServerGroup model) {
    Set<String> processes = new TreeSet<>(model.suspendedProcesses());
    processes.addAll(Ec2ServerGroup.DISABLED_PROCESSES);
    return model.withSuspendedProcesses(processes);
  }

  @Override
  protected Ec2ServerGroup enabled(Ec2ServerGroup model) {
    Set<String> processes = new TreeSet<>(model.suspendedProcesses());
    processes.removeAll(Ec2ServerGroup.DISABLED_PROCESSES);
    return model.withSuspendedProcesses(processes);
  }

  private static String key(String account, String region, String name) {
    return account + "/" + region + "/" + name;
  }

  // ---- security groups and load balancers ----

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

  <T> Optional<T> visible(String type, String account, String region, String name, Class<T> cls) {
    Object v = visibleThings.get(type + ":" + key(account, region, name));
    return cls.isInstance(v) ? Optional.of(cls.cast(v)) : Optional.empty();
  }

  /** The names of the visible things of a type in a region, sorted. */
  List<String> visibleNames(String type, String account, String region) {
    String prefix = type + ":" + account + "/" + region + "/";
    return visibleThings.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
        .sorted().toList();
  }

  boolean exists(String type, String account, String region, String name) {
    return things.containsKey(type + ":" + key(account, region, name));
  }

  Set<String> targetGroups(String account, String region) {
    Set<String> out = new TreeSet<>();
    String prefix = LB + ":" + account + "/" + region + "/";
    visibleThings.forEach((k, v) -> {
      if (k.startsWith(prefix) && v instanceof ApplicationLoadBalancer alb) {
        alb.targetGroups().forEach(tg -> out.add(tg.name()));
      }
    });
    return out;
  }

  /** The regions of an account where any server group, security group or load balancer exists. */
  @Override
  public Set<String> regions(String account) {
    Set<String> out = new TreeSet<>(super.regions(account));
    things.keySet().forEach(k -> {
      String[] parts = k.substring(k.indexOf(':') + 1).split("/", 3);
      if (parts[0].equals(account)) {
        out.add(parts[1]);
      }
    });
    return out;
  }

  /** Runs an EC2 operation of its own (not a server group operation) as a stage. */
  void run(Ec2Operation op, SimTasks.StageCallback cb) {
    String a = op.account();
    String r = op.region();
    if (op instanceof Ec2Operation.UpsertSecurityGroup u) {
      upsertSecurityGroup(u, cb);
    } else if (op instanceof Ec2Operation.DeleteSecurityGroup d) {
      remove(SG + ":" + key(a, r, d.name()), cb);
    } else if (op instanceof Ec2Operation.UpsertClassicLoadBalancer u) {
      putLoadBalancer(a, r, u.loadBalancer().name(), u.loadBalancer(), u.loadBalancer().location().vpc(), cb);
    } else if (op instanceof Ec2Operation.UpsertApplicationLoadBalancer u) {
      putLoadBalancer(a, r, u.loadBalancer().name(), u.loadBalancer(), u.loadBalancer().location().vpc(), cb);
    } else if (op instanceof Ec2Operation.DeleteLoadBalancer d) {
      remove(LB + ":" + key(a, r, d.name()), cb);
    } else {
      cb.failed("the simulated EC2 runs " + op.type() + " as a bake, not as a stage of its world");
    }
  }

  private void remove(String key, SimTasks.StageCallback cb) {
    things.remove(key);
    publishThing(key);
    cb.done();
  }

  private void upsertSecurityGroup(Ec2Operation.UpsertSecurityGroup u, SimTasks.StageCallback cb) {
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

  private void putLoadBalancer(String a, String r, String name, Object lb, String vpc, SimTasks.StageCallback cb) {
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
