package dev.keel.spinnaker.orca;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.deploy.DeployHealth;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.spi.model.Moniker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * The stages of the server group operations every cluster cloud shares, as Keel sends them to Orca
 * (keel-cloud-handlers.md §2.2 and §4.3): the deploy strategy's properties on {@code createServerGroup}, and
 * {@code resizeServerGroup}, {@code disableServerGroup}, {@code rollbackServerGroup} (or, with nothing to
 * disable, {@code enableServerGroup} and a resize), {@code destroyServerGroup}.
 *
 * @param cloudProvider {@code aws} or {@code titus}
 * @param healthProvider the health provider a deploy that waits for the cloud's health only names: {@code Amazon}
 *     or {@code Titus}
 */
public record ClusterStages(String cloudProvider, String healthProvider) {

  /**
   * A stage's common fields: type, cloud provider, credentials, region, server group and its moniker.
   *
   * @param type the stage type
   * @param account the account
   * @param region the region
   * @param serverGroupName the server group
   * @return a mutable stage
   */
  public Map<String, Object> base(String type, String account, String region, String serverGroupName) {
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("type", type);
    stage.put("cloudProvider", cloudProvider);
    stage.put("credentials", account);
    stage.put("region", region);
    stage.put("serverGroupName", serverGroupName);
    stage.put("moniker", moniker(serverGroupName));
    return stage;
  }

  /**
   * A moniker as Orca takes it.
   *
   * @param name a cluster or server group name
   * @return {@code {app, stack, detail, cluster, sequence}}
   */
  public static Map<String, Object> moniker(String name) {
    Moniker m = Moniker.parse(name);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("app", m.app());
    out.put("stack", m.stack());
    out.put("detail", m.detail());
    out.put("cluster", m.cluster().toName());
    out.put("sequence", m.sequence());
    return out;
  }

  /**
   * The name the next server group of a cluster gets: one more than the source's sequence, or {@code v000}.
   *
   * @param cluster the cluster (or a server group of it)
   * @param source the server group cloned, or null
   * @return the name
   */
  public static String nextServerGroupName(String cluster, @Nullable String source) {
    Moniker c = Moniker.parse(cluster).cluster();
    Integer seq = source == null ? null : Moniker.parse(source).sequence();
    return c.withSequence(seq == null ? 0 : (seq + 1) % 1000).serverGroupName();
  }

  /**
   * Dimensions as AWS takes them.
   *
   * @param dimensions the dimensions by name
   * @param serverGroup a server group to add as {@code AutoScalingGroupName}, or null
   * @return {@code [{name, value}]}, sorted by name
   */
  public static List<Map<String, Object>> dimensions(Map<String, String> dimensions, @Nullable String serverGroup) {
    Map<String, String> all = new TreeMap<>(dimensions);
    if (serverGroup != null) {
      all.put("AutoScalingGroupName", serverGroup);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    all.forEach((k, v) -> out.add(new LinkedHashMap<>(Map.of("name", k, "value", v))));
    return out;
  }

  /**
   * A capacity as Orca takes it; a desired count left to scaling policies is the least.
   *
   * @param capacity the capacity
   * @return {@code {min, max, desired}}
   */
  public static Map<String, Object> capacity(Capacity capacity) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("min", capacity.min());
    out.put("max", capacity.max());
    out.put("desired", capacity.initialInstances(null));
    return out;
  }

  /**
   * A {@code createServerGroup} stage: the cloud's deploy body with type, cloud provider, region, capacity,
   * moniker, the source to clone and the strategy's properties.
   *
   * @param deploy the cloud's own fields
   * @param create the operation
   * @return the stage
   */
  public Map<String, Object> create(Map<String, Object> deploy, ServerGroupOperation.CreateServerGroup<?> create) {
    var g = create.serverGroup();
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("type", "createServerGroup");
    stage.put("cloudProvider", cloudProvider);
    stage.put("region", g.region());
    stage.put("capacity", capacity(g.capacity()));
    stage.put("moniker", moniker(g.name()));
    stage.putAll(deploy);
    if (create.source() != null) {
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("account", g.account());
      source.put("region", g.region());
      source.put("asgName", create.source());
      stage.put("source", source);
    }
    stage.putAll(strategy(create.strategy()));
    return stage;
  }

  /**
   * A deploy strategy's properties (keel-orca's {@code _clusterDeployStrategies.kt}).
   *
   * @param strategy the strategy
   * @return the properties
   */
  public Map<String, Object> strategy(DeployStrategy strategy) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> providers = strategy.health() == DeployHealth.NONE ? List.of(healthProvider) : null;
    if (strategy instanceof DeployStrategy.RedBlack rb) {
      out.put("strategy", "redblack");
      out.put("maxRemainingAsgs", rb.maxServerGroups());
      out.put("delayBeforeDisableSec", rb.delayBeforeDisable().toSeconds());
      out.put("delayBeforeScaleDownSec", rb.delayBeforeScaleDown().toSeconds());
      out.put("scaleDown", rb.resizePreviousToZero());
      out.put("rollback", Map.of("onFailure", rb.rollbackOnFailure()));
      out.put("stageTimeoutMs", rb.waitForInstancesUp().plus(rb.delayBeforeDisable())
          .plus(rb.delayBeforeScaleDown()).toMillis());
      out.put("interestingHealthProviderNames", providers);
    } else if (strategy instanceof DeployStrategy.Highlander) {
      out.put("strategy", "highlander");
      out.put("stageTimeoutMs", java.time.Duration.ofMinutes(30).toMillis());
      out.put("interestingHealthProviderNames", providers);
    } else if (strategy instanceof DeployStrategy.RollingPush rp) {
      out.put("strategy", "rollingpush");
      Map<String, Object> termination = new LinkedHashMap<>();
      termination.put("relaunchAllInstances", rp.relaunchAllInstances());
      if (rp.terminationOrder() != null) {
        termination.put("order", rp.terminationOrder());
      }
      if (rp.numConcurrentRelaunches() != null) {
        termination.put("concurrentRelaunches", rp.numConcurrentRelaunches());
      }
      if (rp.totalRelaunches() != null) {
        termination.put("totalRelaunches", rp.totalRelaunches());
      }
      out.put("termination", termination);
    } else {
      out.put("strategy", "");
    }
    return out;
  }

  /**
   * The stages of a resize, disable, rollback or destroy.
   *
   * @param operation the operation
   * @return its stages
   * @throws IllegalArgumentException for other operations, which each cloud renders itself
   */
  public List<Map<String, Object>> stages(ServerGroupOperation operation) {
    if (operation instanceof ServerGroupOperation.ResizeServerGroup r) {
      Map<String, Object> stage = base("resizeServerGroup", r.account(), r.region(), r.serverGroupName());
      stage.put("capacity", capacity(r.capacity()));
      return List.of(stage);
    }
    if (operation instanceof ServerGroupOperation.DisableServerGroup d) {
      Map<String, Object> stage = base("disableServerGroup", d.account(), d.region(), d.serverGroupName());
      stage.put("asgName", d.serverGroupName());
      return List.of(stage);
    }
    if (operation instanceof ServerGroupOperation.DestroyServerGroup d) {
      Map<String, Object> stage = base("destroyServerGroup", d.account(), d.region(), d.serverGroupName());
      stage.put("asgName", d.serverGroupName());
      return List.of(stage);
    }
    if (operation instanceof ServerGroupOperation.RollbackServerGroup r) {
      if (r.disable() == null) {
        Map<String, Object> enable = base("enableServerGroup", r.account(), r.region(), r.restore());
        enable.put("asgName", r.restore());
        Map<String, Object> resize = base("resizeServerGroup", r.account(), r.region(), r.restore());
        resize.put("capacity", capacity(r.capacity()));
        return List.of(enable, resize);
      }
      Map<String, Object> stage = new LinkedHashMap<>();
      stage.put("type", "rollbackServerGroup");
      stage.put("rollbackType", "EXPLICIT");
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("rollbackServerGroupName", r.disable());
      context.put("restoreServerGroupName", r.restore());
      context.put("targetHealthyRollbackPercentage", 100);
      context.put("delayBeforeDisableSeconds", 0);
      stage.put("rollbackContext", context);
      stage.put("platformHealthOnlyShowOverride", false);
      stage.put("reason", operation.description());
      stage.put("moniker", moniker(r.restore()));
      stage.put("region", r.region());
      stage.put("credentials", r.account());
      stage.put("cloudProvider", cloudProvider);
      return List.of(stage);
    }
    throw new IllegalArgumentException(operation.type() + " is rendered by the cloud's own stages");
  }
}
