package dev.keel.testkit.spinnaker;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ClusterServerGroup;
import dev.keel.cloud.api.ScalingPolicies;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.ServerGroupState;
import dev.keel.cloud.api.deploy.DeployHealth;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.HourWindow;
import dev.keel.spi.model.Moniker;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.annotation.Nullable;

/**
 * What Orca's server group stages share between EC2 and Titus (reference §4): where a stage acts (account,
 * region, server group), capacities, deploy strategies, restricted time windows, and the stages that are the
 * same for both clouds: {@code resizeServerGroup}, {@code disableServerGroup}, {@code enableServerGroup},
 * {@code destroyServerGroup} and {@code rollbackServerGroup}.
 */
final class ServerGroupStages {

  private ServerGroupStages() {}

  /** The server groups of a cluster as the cloud reports them. */
  @FunctionalInterface
  interface Groups {
    List<? extends ServerGroupState<?>> of(String account, String region, String cluster);
  }

  static String type(JsonView stage) {
    return stage.text("type");
  }

  static String account(JsonView stage) {
    String a = stage.optText("credentials");
    return a != null ? a : stage.text("account");
  }

  /** The stage's region: {@code region}, the one of {@code regions}, or the key of {@code availabilityZones}. */
  static String region(JsonView stage) {
    String r = stage.optText("region");
    if (r != null) {
      return r;
    }
    List<String> regions = stage.strings("regions");
    if (regions.size() == 1) {
      return regions.get(0);
    }
    JsonView zones = stage.optObject("availabilityZones");
    if (zones != null && zones.node().size() == 1) {
      return zones.node().fieldNames().next();
    }
    JsonView source = stage.optObject("source");
    if (source != null && source.has("region")) {
      return source.text("region");
    }
    return stage.text("region");
  }

  @Nullable
  static String serverGroupName(JsonView stage) {
    String n = stage.optText("serverGroupName");
    if (n == null) {
      n = stage.optText("asgName");
    }
    return n == null || n.contains("${") ? null : n;
  }

  static String requiredServerGroupName(JsonView stage) {
    String n = serverGroupName(stage);
    if (n == null) {
      throw HttpProblem.badRequest(stage.path() + ": " + type(stage) + " needs serverGroupName");
    }
    return n;
  }

  /** The cluster a stage deploys: its moniker's, else application, stack and free-form details. */
  static String clusterName(JsonView stage) {
    JsonView moniker = stage.optObject("moniker");
    if (moniker != null && moniker.has("cluster")) {
      return moniker.text("cluster");
    }
    String app = stage.text("application");
    String stack = stage.optText("stack");
    String detail = stage.optText("freeFormDetails");
    return new Moniker(app, stack == null || stack.isEmpty() ? null : stack,
        detail == null || detail.isEmpty() ? null : detail).toName();
  }

  static Capacity capacity(JsonView capacity) {
    return new Capacity(capacity.integer("min"), capacity.integer("max"), capacity.optInteger("desired"));
  }

  /** The deploy strategy of a {@code createServerGroup} stage (Keel's {@code _clusterDeployStrategies.kt}). */
  static DeployStrategy strategy(JsonView stage) {
    DeployHealth health = stage.strings("interestingHealthProviderNames").isEmpty() ? DeployHealth.AUTO
        : DeployHealth.NONE;
    String name = stage.text("strategy", "").toLowerCase(Locale.ROOT);
    switch (name) {
      case "redblack", "red-black" -> {
        JsonView rollback = stage.optObject("rollback");
        Integer timeoutMs = stage.optInteger("stageTimeoutMs");
        Duration disable = Duration.ofSeconds(stage.integer("delayBeforeDisableSec", 0));
        Duration scaleDown = Duration.ofSeconds(stage.integer("delayBeforeScaleDownSec", 0));
        // The stage's timeout covers the wait for healthy instances and both delays.
        Duration instancesUp = timeoutMs == null ? Duration.ofMinutes(30)
            : Duration.ofMillis(timeoutMs).minus(disable).minus(scaleDown);
        return new DeployStrategy.RedBlack(health, rollback != null && rollback.bool("onFailure", false),
            stage.bool("scaleDown", false), stage.integer("maxRemainingAsgs", 2), disable, scaleDown,
            instancesUp.isNegative() ? Duration.ZERO : instancesUp, List.of());
      }
      case "highlander" -> {
        return new DeployStrategy.Highlander(health);
      }
      case "rollingpush", "rolling-push", "rolling_push" -> {
        JsonView termination = stage.optObject("termination");
        return new DeployStrategy.RollingPush(health, termination == null ? stage.bool("relaunchAllInstances", true)
            : termination.bool("relaunchAllInstances", true),
            termination == null ? stage.optInteger("numConcurrentRelaunches")
                : termination.optInteger("concurrentRelaunches"),
            termination == null ? stage.optInteger("totalRelaunches") : termination.optInteger("totalRelaunches"),
            termination == null ? stage.optText("terminationOrder") : termination.optText("order"));
      }
      case "", "none" -> {
        return new DeployStrategy.None(health);
      }
      default -> throw HttpProblem.badRequest(stage.path() + ".strategy: unknown strategy '" + name
          + "'; the fake runs redblack, highlander, rollingpush and none");
    }
  }

  /** The hours a stage may start in, from {@code restrictExecutionDuringTimeWindow}, or null. */
  @Nullable
  static HourWindow window(JsonView stage) {
    if (!stage.bool("restrictExecutionDuringTimeWindow", false)) {
      return null;
    }
    JsonView window = stage.optObject("restrictedExecutionWindow");
    List<JsonView> whitelist = window == null ? List.of() : window.array("whitelist");
    if (whitelist.isEmpty()) {
      return null;
    }
    JsonView w = whitelist.get(0);
    return new HourWindow(w.integer("startHour"), w.integer("endHour"));
  }

  /**
   * A stage both clouds run the same way, or empty for another stage type.
   *
   * @param groups the server groups of a cluster in an account and region, for the capacity an
   *     {@code enableServerGroup} or a {@code rollbackServerGroup} without one restores
   */
  static Optional<CloudOperation> common(JsonView stage,
      Groups groups) {
    String type = type(stage);
    switch (type) {
      case "resizeServerGroup" -> {
        return Optional.of(new ServerGroupOperation.ResizeServerGroup(account(stage), region(stage),
            requiredServerGroupName(stage), capacity(stage.object("capacity"))));
      }
      case "disableServerGroup" -> {
        return Optional.of(new ServerGroupOperation.DisableServerGroup(account(stage), region(stage),
            requiredServerGroupName(stage)));
      }
      case "destroyServerGroup" -> {
        return Optional.of(new ServerGroupOperation.DestroyServerGroup(account(stage), region(stage),
            requiredServerGroupName(stage)));
      }
      case "enableServerGroup" -> {
        String name = requiredServerGroupName(stage);
        return Optional.of(new ServerGroupOperation.RollbackServerGroup(account(stage), region(stage), name, null,
            stage.has("capacity") ? capacity(stage.object("capacity")) : currentCapacity(stage, name, groups)));
      }
      case "rollbackServerGroup" -> {
        JsonView context = stage.optObject("rollbackContext");
        JsonView where = context == null ? stage : context;
        String restore = where.text("restoreServerGroupName");
        String disable = where.optText("rollbackServerGroupName");
        Capacity capacity = stage.has("capacity") ? capacity(stage.object("capacity"))
            : where.has("capacity") ? capacity(where.object("capacity")) : currentCapacity(stage, restore, groups);
        return Optional.of(new ServerGroupOperation.RollbackServerGroup(account(stage), region(stage), restore,
            disable, capacity));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Capacity currentCapacity(JsonView stage, String name, Groups groups) {
    String cluster = Moniker.parse(name).cluster().toName();
    return groups.of(account(stage), region(stage), cluster).stream()
        .filter(g -> g.name().equals(name)).findFirst()
        .map(g -> g.model().capacity())
        .orElseThrow(() -> HttpProblem.badRequest(stage.path() + ": no server group " + name + " in "
            + account(stage) + "/" + region(stage)));
  }

  /**
   * Keel's rollback with nothing to disable is an {@code enableServerGroup} and a {@code resizeServerGroup} of the
   * same group: one rollback operation, as the handler planned it.
   *
   * @param ops the operations read, in order
   * @return the operations with each such pair made one
   */
  static List<CloudOperation> foldEnableAndResize(List<CloudOperation> ops) {
    List<CloudOperation> out = new java.util.ArrayList<>();
    for (CloudOperation op : ops) {
      CloudOperation last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (op instanceof ServerGroupOperation.ResizeServerGroup resize
          && last instanceof ServerGroupOperation.RollbackServerGroup enable && enable.disable() == null
          && enable.restore().equals(resize.serverGroupName()) && enable.region().equals(resize.region())) {
        out.set(out.size() - 1, new ServerGroupOperation.RollbackServerGroup(enable.account(), enable.region(),
            enable.restore(), null, resize.capacity()));
      } else {
        out.add(op);
      }
    }
    return out;
  }

  /**
   * The index of the {@code createServerGroup} of a job that policies for a server group of its cluster in its
   * region belong to: Keel adds a new group's policies as stages after its deploy, naming the group the deploy
   * will create.
   *
   * @param ops the operations read so far
   * @param serverGroup the group the policy stage names, or null
   * @param region its region
   * @return the index, or -1
   */
  static int deployOf(List<CloudOperation> ops, @Nullable String serverGroup, String region) {
    for (int i = ops.size() - 1; i >= 0; i--) {
      if (ops.get(i) instanceof ServerGroupOperation.CreateServerGroup<?> c && c.region().equals(region)
          && (serverGroup == null || Moniker.parse(serverGroup).cluster().toName()
              .equals(Moniker.parse(c.serverGroup().name()).cluster().toName()))) {
        return i;
      }
    }
    return -1;
  }

  /** A capacity as a group with scaling policies has it: the desired count left to the policies. */
  static Capacity autoScaled(Capacity c) {
    return new Capacity(c.min(), c.max(), null);
  }

  /**
   * Folds an {@code upsertScalingPolicy} stage into the operations read so far: into the deploy of its server group
   * earlier in the same task (the policies travel with the new server group), else into a policy upsert of the same
   * server group just before it, else as an upsert of its own.
   *
   * @param s the stage
   * @param ops the operations read so far, changed in place
   * @param policy the stage's policy, parsed
   * @param none the cloud's empty set of policies
   * @param type the cloud's type of policy set
   * @param plus adds a policy to a set
   * @param <P> the cloud's type of policy set
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <P extends ScalingPolicies<P>> void foldPolicy(JsonView s, List<CloudOperation> ops, Object policy, P none,
      Class<P> type, BiFunction<P, Object, P> plus) {
    String group = serverGroupName(s);
    String account = account(s);
    String region = region(s);
    int deploy = deployOf(ops, group, region);
    if (deploy >= 0) {
      var create = (ServerGroupOperation.CreateServerGroup) ops.get(deploy);
      ClusterServerGroup g = create.serverGroup();
      ClusterServerGroup scaled = ((ClusterServerGroup) g.withScaling(plus.apply((P) g.scaling(), policy)))
          .withCapacity(autoScaled(g.capacity()));
      ops.set(deploy, new ServerGroupOperation.CreateServerGroup(scaled, create.strategy(), create.source(),
          create.wave()));
      return;
    }
    if (group == null) {
      throw HttpProblem.badRequest(s.path() + ": upsertScalingPolicy needs serverGroupName, or a createServerGroup"
          + " before it in " + region);
    }
    CloudOperation last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
    if (last instanceof ServerGroupOperation.UpsertScalingPolicies<?> u && u.serverGroupName().equals(group)
        && u.region().equals(region) && type.isInstance(u.policies())) {
      ops.set(ops.size() - 1, new ServerGroupOperation.UpsertScalingPolicies<>(account, region, group,
          plus.apply(type.cast(u.policies()), policy)));
    } else {
      ops.add(new ServerGroupOperation.UpsertScalingPolicies<>(account, region, group, plus.apply(none, policy)));
    }
  }
}
