package dev.keel.titus.sim;

import dev.keel.support.sim.SimExisting;
import dev.keel.support.sim.SimTimeline;

import dev.keel.spi.model.Moniker;
import dev.keel.support.deploy.DeployStrategy;
import dev.keel.support.naming.ServerGroupNaming;
import dev.keel.titus.cloud.JobState;
import dev.keel.titus.cloud.TitusOperation;
import dev.keel.titus.model.Capacity;
import dev.keel.titus.model.TitusServerGroup;
import dev.keel.titus.spec.ScalingSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The simulated Titus's jobs: the true state, the lagging read model, and the operations that change them
 * with the semantics of Spinnaker's deploy strategies (red-black, highlander, none, rolling push).
 */
final class SimJobs {

  /** Where a stage reports its end. */
  interface StageCallback {
    void done();

    void failed(String message);
  }

  private final SimTimeline timeline;
  private final Map<String, List<SimJob>> clusters = new HashMap<>();
  private final Map<String, List<SimJob.Snapshot>> visible = new HashMap<>();
  Duration readLag = Duration.ZERO;
  Duration bootTime = Duration.ofMinutes(2);
  boolean neverHealthy;
  private boolean atOnce;
  private int nextJobId;
  private int nextPolicyId;

  SimJobs(SimTimeline timeline) {
    this.timeline = timeline;
  }

  static String key(String account, String region, String cluster) {
    return account + "/" + region + "/" + cluster;
  }

  List<JobState> visibleJobs(String account, String region, String cluster) {
    Instant now = timeline.now();
    return visible.getOrDefault(key(account, region, cluster), List.of()).stream().map(s -> s.at(now)).toList();
  }

  List<JobState> truth(String account, String region, String cluster) {
    Instant now = timeline.now();
    return clusters.getOrDefault(key(account, region, cluster), List.of()).stream()
        .map(j -> j.snapshot().at(now)).toList();
  }

  /** Makes a cluster's current state visible to reads after the read lag. */
  void publish(String k) {
    List<SimJob.Snapshot> snap = clusters.getOrDefault(k, List.of()).stream().map(SimJob::snapshot).toList();
    if (readLag.isZero() || atOnce) {
      visible.put(k, snap);
    } else {
      timeline.at(timeline.now().plus(readLag), () -> visible.put(k, snap));
    }
  }

  private Optional<SimJob> find(String account, String region, String name) {
    String cluster = Moniker.parse(name).cluster().toName();
    return clusters.getOrDefault(key(account, region, cluster), List.of()).stream()
        .filter(j -> j.name.equals(name)).findFirst();
  }

  private String keyOf(String account, String region, String name) {
    return key(account, region, Moniker.parse(name).cluster().toName());
  }

  @Nullable
  private Instant bootedAt() {
    return neverHealthy ? null : timeline.now().plus(bootTime);
  }

  void resizeByHand(String account, String region, String name, int desired) {
    find(account, region, name).ifPresent(j -> {
      j.desired = desired;
      Capacity c = j.model.capacity();
      j.model = j.model.withCapacity(new Capacity(Math.min(c.min(), desired), Math.max(c.max(), desired),
          c.desired() == null ? null : desired));
      publish(keyOf(account, region, name));
    });
  }

  void disable(String account, String region, String name) {
    find(account, region, name).ifPresent(j -> {
      j.enabled = false;
      publish(keyOf(account, region, name));
    });
  }

  /** The regions of an account where any job exists. */
  Set<String> regions(String account) {
    Set<String> out = new java.util.TreeSet<>();
    clusters.forEach((k, jobs) -> {
      String[] parts = k.split("/", 3);
      if (!jobs.isEmpty() && parts[0].equals(account)) {
        out.add(parts[1]);
      }
    });
    return out;
  }

  /**
   * Adds a job that was there before the simulation started: created a day ago (or just after the newest job
   * of its cluster), with tasks healthy from the start unless told otherwise.
   *
   * @return the server group's name
   */
  String existing(TitusServerGroup model, @Nullable String name, boolean enabled, boolean healthy) {
    String a = model.location().account();
    String r = model.location().region();
    Moniker cluster = Moniker.parse(name != null ? name : model.name()).cluster();
    String k = key(a, r, cluster.toName());
    List<SimJob> jobs = clusters.computeIfAbsent(k, x -> new ArrayList<>());
    SimJob newest = jobs.stream().reduce((x, y) -> y.createdAt.isBefore(x.createdAt) ? x : y).orElse(null);
    SimExisting placed = SimExisting.after(cluster, name, newest == null ? null : newest.name,
        newest == null ? null : newest.createdAt, timeline.now());
    String jobName = placed.name();
    Instant created = placed.createdAt();
    String jobId = "titus-job-" + (++nextJobId);
    SimJob job = new SimJob(jobName, jobId, created, model.as(jobName, jobId, false),
        model.capacity().initialInstances(null), healthy ? created : null);
    job.enabled = enabled;
    assignPolicyIds(job);
    jobs.add(job);
    atOnce = true;
    try {
      publish(k);
    } finally {
      atOnce = false;
    }
    return jobName;
  }

  void enable(String account, String region, String name) {
    find(account, region, name).ifPresent(j -> {
      j.enabled = true;
      publish(keyOf(account, region, name));
    });
  }

  void run(TitusOperation op, StageCallback cb) {
    if (op instanceof TitusOperation.CreateServerGroup c) {
      create(c, cb);
    } else if (op instanceof TitusOperation.ResizeServerGroup r) {
      withJob(r.account(), r.region(), r.serverGroupName(), cb, j -> {
        int before = j.desired;
        j.model = j.model.withCapacity(r.capacity());
        j.desired = r.capacity().initialInstances(before);
        if (j.desired > before) {
          j.healthyAt = bootedAt();
        }
      });
    } else if (op instanceof TitusOperation.DeleteScalingPolicies d) {
      Optional<SimJob> job = find(d.account(), d.region(), d.serverGroupName());
      Set<String> unknown = new HashSet<>(d.policyIds());
      job.ifPresent(j -> unknown.removeAll(j.policyIds.values()));
      if (job.isPresent() && !unknown.isEmpty()) {
        cb.failed("No scaling policies " + unknown + " on " + d.serverGroupName());
        return;
      }
      withJob(d.account(), d.region(), d.serverGroupName(), cb, j -> {
        var t = new HashSet<>(j.model.scaling().targetTrackingPolicies());
        var s = new HashSet<>(j.model.scaling().stepScalingPolicies());
        j.policyIds.entrySet().removeIf(e -> {
          boolean gone = d.policyIds().contains(e.getValue());
          if (gone) {
            t.remove(e.getKey());
            s.remove(e.getKey());
          }
          return gone;
        });
        j.model = j.model.withScaling(new ScalingSpec(t, s));
      });
    } else if (op instanceof TitusOperation.UpsertScalingPolicies u) {
      withJob(u.account(), u.region(), u.serverGroupName(), cb, j -> {
        var t = new HashSet<>(j.model.scaling().targetTrackingPolicies());
        t.addAll(u.policies().targetTrackingPolicies());
        var s = new HashSet<>(j.model.scaling().stepScalingPolicies());
        s.addAll(u.policies().stepScalingPolicies());
        j.model = j.model.withScaling(new ScalingSpec(t, s));
        assignPolicyIds(j);
      });
    } else if (op instanceof TitusOperation.DisableServerGroup d) {
      withJob(d.account(), d.region(), d.serverGroupName(), cb, j -> j.enabled = false);
    } else if (op instanceof TitusOperation.DestroyServerGroup d) {
      Optional<SimJob> j = find(d.account(), d.region(), d.serverGroupName());
      if (j.isEmpty()) {
        cb.failed("No server group " + d.serverGroupName() + " in " + d.account() + "/" + d.region());
        return;
      }
      String k = keyOf(d.account(), d.region(), d.serverGroupName());
      clusters.get(k).remove(j.get());
      publish(k);
      cb.done();
    } else if (op instanceof TitusOperation.RollbackServerGroup rb) {
      rollback(rb, cb);
    }
  }

  /** Gives every attached policy without an id one, and forgets the ids of policies no longer attached. */
  private void assignPolicyIds(SimJob j) {
    Set<Object> attached = new HashSet<>(j.model.scaling().targetTrackingPolicies());
    attached.addAll(j.model.scaling().stepScalingPolicies());
    j.policyIds.keySet().retainAll(attached);
    for (Object p : attached) {
      j.policyIds.computeIfAbsent(p, x -> "policy-" + (++nextPolicyId));
    }
  }

  private void withJob(String account, String region, String name, StageCallback cb,
      java.util.function.Consumer<SimJob> change) {
    Optional<SimJob> j = find(account, region, name);
    if (j.isEmpty()) {
      cb.failed("No server group " + name + " in " + account + "/" + region);
      return;
    }
    change.accept(j.get());
    publish(keyOf(account, region, name));
    cb.done();
  }

  private void create(TitusOperation.CreateServerGroup c, StageCallback cb) {
    TitusServerGroup desired = c.serverGroup();
    String a = c.account();
    String r = c.region();
    Moniker cluster = Moniker.parse(desired.name()).cluster();
    String k = key(a, r, cluster.toName());
    List<SimJob> jobs = clusters.computeIfAbsent(k, x -> new ArrayList<>());
    Optional<SimJob> source = c.source() == null ? Optional.empty() : find(a, r, c.source());
    if (c.strategy() instanceof DeployStrategy.RollingPush && source.isPresent()) {
      SimJob j = source.get();
      j.model = desired.as(j.name, j.jobId, false);
      assignPolicyIds(j);
      j.healthyAt = bootedAt();
      publish(k);
      awaitHealthy(j, a, r, Duration.ofMinutes(30), cb, cb::done);
      return;
    }
    String newest = jobs.stream().max(Comparator.comparing(j -> j.createdAt)).map(j -> j.name).orElse(null);
    String name = ServerGroupNaming.next(cluster, newest).serverGroupName();
    int instances = desired.capacity().initialInstances(source.map(j -> j.desired).orElse(null));
    String jobId = "titus-job-" + (++nextJobId);
    SimJob created = new SimJob(name, jobId, timeline.now(), desired.as(name, jobId, false), instances, bootedAt());
    assignPolicyIds(created);
    jobs.add(created);
    publish(k);
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
          created.enabled = false;
          publish(k);
        }
        cb.failed(message);
      }
    }, () -> afterHealthy(created, jobs, strategy, k, cb));
  }

  private void awaitHealthy(SimJob j, String a, String r, Duration timeout, StageCallback cb, Runnable then) {
    Instant deadline = timeline.now().plus(timeout);
    Instant healthy = j.healthyAt;
    if (healthy != null && !healthy.isAfter(deadline)) {
      timeline.at(healthy, then);
    } else {
      timeline.at(deadline, () -> cb.failed("Tasks of " + j.name + " in " + a + "/" + r
          + " did not become healthy within " + timeout));
    }
  }

  private void afterHealthy(SimJob created, List<SimJob> jobs, DeployStrategy strategy, String k, StageCallback cb) {
    List<SimJob> others = jobs.stream().filter(j -> j != created).toList();
    if (strategy instanceof DeployStrategy.Highlander) {
      jobs.removeAll(others);
      publish(k);
      cb.done();
    } else if (strategy instanceof DeployStrategy.RedBlack rb) {
      timeline.at(timeline.now().plus(rb.delayBeforeDisable()), () -> {
        others.forEach(j -> j.enabled = false);
        if (rb.resizePreviousToZero()) {
          others.forEach(j -> {
            j.desired = 0;
            j.model = j.model.withCapacity(new Capacity(0, 0, j.model.capacity().desired() == null ? null : 0));
          });
        }
        List<SimJob> byAge = new ArrayList<>(jobs);
        byAge.sort(Comparator.comparing(j -> j.createdAt));
        while (byAge.size() > rb.maxServerGroups()) {
          jobs.remove(byAge.remove(0));
        }
        publish(k);
        cb.done();
      });
    } else {
      cb.done();
    }
  }

  private void rollback(TitusOperation.RollbackServerGroup rb, StageCallback cb) {
    Optional<SimJob> restore = find(rb.account(), rb.region(), rb.restore());
    if (restore.isEmpty()) {
      cb.failed("No server group " + rb.restore() + " to roll back to in " + rb.account() + "/" + rb.region());
      return;
    }
    SimJob j = restore.get();
    j.enabled = true;
    int before = j.desired;
    j.model = j.model.withCapacity(rb.capacity());
    j.desired = rb.capacity().initialInstances(before);
    if (j.desired > before || j.healthyAt == null) {
      j.healthyAt = bootedAt();
    }
    String k = keyOf(rb.account(), rb.region(), j.name);
    publish(k);
    awaitHealthy(j, rb.account(), rb.region(), Duration.ofMinutes(30), cb, () -> {
      if (rb.disable() != null) {
        find(rb.account(), rb.region(), rb.disable()).ifPresent(d -> d.enabled = false);
      }
      publish(k);
      cb.done();
    });
  }

  Set<String> clusterKeys() {
    return clusters.keySet();
  }
}
