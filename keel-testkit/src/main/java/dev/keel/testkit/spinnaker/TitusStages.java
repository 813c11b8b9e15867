package dev.keel.testkit.spinnaker;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.ScalingPolicyRef;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.ContainerImage;
import dev.keel.titus.api.model.Location;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ConstraintsSpec;
import dev.keel.titus.api.spec.MigrationPolicySpec;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.spi.model.Moniker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Orca's Titus stages as Keel sends them (reference §4), read back into the Titus port's operations: a
 * {@code createServerGroup} (image by tag or digest, the tag being the version), the shared server group stages,
 * scaling policies (deleted by the ids Titus gave them), and a {@code runJob} batch job.
 */
final class TitusStages {

  /**
   * A job's Titus work.
   *
   * @param operations the server group operations
   * @param batchJob the batch job of a {@code runJob} stage, or null
   */
  record Parsed(List<CloudOperation> operations, @Nullable BatchJob batchJob) {}

  private final Clouds clouds;
  private final FakeIds ids;

  TitusStages(Clouds clouds, FakeIds ids) {
    this.clouds = clouds;
    this.ids = ids;
  }

  private TitusCloud titus() {
    return clouds.titus();
  }

  Parsed parse(List<JsonView> stages) {
    List<CloudOperation> ops = new ArrayList<>();
    BatchJob batch = null;
    for (JsonView stage : stages) {
      String type = ServerGroupStages.type(stage);
      switch (type) {
        case "createServerGroup" -> ops.add(create(stage));
        case "upsertScalingPolicy" -> upsertPolicy(stage, ops);
        case "deleteScalingPolicy" -> deletePolicy(stage, ops);
        case "runJob" -> batch = batchJob(stage);
        default -> ops.add(ServerGroupStages.common(stage, this::groups)
            .orElseThrow(() -> HttpProblem.badRequest(stage.path() + ": the fake Spinnaker runs no Titus stage of"
                + " type " + type)));
      }
    }
    if (batch != null && !ops.isEmpty()) {
      throw HttpProblem.badRequest("A runJob stage runs alone in its task in the fake Spinnaker");
    }
    return new Parsed(ops, batch);
  }

  private List<TitusServerGroupState> groups(String account, String region, String cluster) {
    try {
      return titus().serverGroups(account, region, cluster);
    } catch (RuntimeException e) {
      throw new HttpProblem(503, "Cannot read " + cluster + " in " + account + "/" + region + ": " + e.getMessage());
    }
  }

  private TitusAccount account(String name) {
    return titus().account(name).orElseThrow(() -> HttpProblem.badRequest("No Titus account " + name));
  }

  private ServerGroupOperation.CreateServerGroup<TitusServerGroup> create(JsonView s) {
    String account = ServerGroupStages.account(s);
    String region = ServerGroupStages.region(s);
    TitusAccount titusAccount = account(account);
    String imageId = s.text("imageId");
    int at = imageId.indexOf('@');
    int colon = imageId.lastIndexOf(':');
    String repository = at >= 0 ? imageId.substring(0, at) : colon > imageId.indexOf('/') && colon > 0
        ? imageId.substring(0, colon) : imageId;
    String tag = s.optText("tag");
    if (tag == null && at < 0 && colon > imageId.indexOf('/')) {
      tag = imageId.substring(colon + 1);
    }
    String digest = s.optText("digest");
    if (digest == null && at >= 0) {
      digest = imageId.substring(at + 1);
    }
    if (digest == null) {
      String registry = s.text("registry", titusAccount.registry());
      String wanted = tag;
      digest = titus().images(registry, repository).stream().filter(i -> i.tag().equals(wanted)).findFirst()
          .map(DockerImage::digest).orElseThrow(() -> HttpProblem.badRequest(s.path() + ".imageId: no image "
              + repository + ":" + wanted + " in registry " + registry));
    }
    List<String> candidates = clouds.securityGroupNames(titusAccount.awsAccount(), region);
    Set<String> securityGroups = new HashSet<>();
    s.strings("securityGroups").forEach(g -> securityGroups.add(ids.securityGroupNameOrSelf(titusAccount.awsAccount(),
        region, g, candidates)));
    JsonView constraints = s.optObject("constraints");
    JsonView migration = s.optObject("migrationPolicy");
    JsonView r = s.optObject("resources");
    ResourcesSpec resources = r == null ? ResourcesSpec.DEFAULT : new ResourcesSpec(r.optInteger("cpu"),
        r.optInteger("memory"), r.optInteger("disk"), r.optInteger("gpu"), r.optInteger("networkMbps"))
        .orElse(ResourcesSpec.DEFAULT);
    ScalingSpec scaling = ScalingSpec.NONE;
    JsonView declared = s.optObject("scaling");
    if (declared != null) {
      for (JsonView p : declared.array("policies")) {
        scaling = TitusPolicies.plus(scaling, TitusPolicies.parse(p.optObject("policy") != null ? p.object("policy")
            : p));
      }
    }
    String cluster = ServerGroupStages.clusterName(s);
    TitusServerGroup model = new TitusServerGroup(cluster, null, new Location(account, region),
        new ContainerImage(repository, digest), ServerGroupStages.capacity(s.object("capacity")),
        s.text("capacityGroup", Moniker.parse(cluster).app()),
        constraints == null ? ConstraintsSpec.DEFAULT : new ConstraintsSpec(constraints.stringMap("hard"),
            constraints.has("soft") ? constraints.stringMap("soft") : null),
        new ClusterDependencies(new LinkedHashSet<>(s.strings("loadBalancers")), securityGroups,
            new LinkedHashSet<>(s.strings("targetGroups"))),
        s.text("entryPoint", ""), s.stringMap("env"), s.stringMap("containerAttributes"),
        migration == null ? MigrationPolicySpec.DEFAULT : new MigrationPolicySpec(migration.optText("type")),
        resources, s.stringMap("tags"), scaling, true, tag);
    JsonView source = s.optObject("source");
    String sourceName = source == null ? null : source.optText("asgName");
    if (sourceName == null && source != null) {
      sourceName = source.optText("serverGroupName");
    }
    return new ServerGroupOperation.CreateServerGroup<>(model, ServerGroupStages.strategy(s), sourceName,
        new DeployWave(region, null, null, null));
  }

  private static Object policy(JsonView s) {
    JsonView descriptor = s.optObject("scalingPolicy");
    if (descriptor == null) {
      descriptor = s.optObject("policy");
    }
    return TitusPolicies.parse(descriptor != null ? descriptor : s);
  }

  private void upsertPolicy(JsonView s, List<CloudOperation> ops) {
    Object policy = policy(s);
    String group = ServerGroupStages.serverGroupName(s);
    String account = ServerGroupStages.account(s);
    String region = ServerGroupStages.region(s);
    if (group == null) {
      for (int i = ops.size() - 1; i >= 0; i--) {
        if (ops.get(i) instanceof ServerGroupOperation.CreateServerGroup<?> c && c.region().equals(region)) {
          @SuppressWarnings("unchecked")
          var create = (ServerGroupOperation.CreateServerGroup<TitusServerGroup>) c;
          TitusServerGroup g = create.serverGroup();
          ops.set(i, new ServerGroupOperation.CreateServerGroup<>(g.withScaling(TitusPolicies.plus(g.scaling(),
              policy)), create.strategy(), create.source(), create.wave()));
          return;
        }
      }
      throw HttpProblem.badRequest(s.path() + ": upsertScalingPolicy needs serverGroupName, or a createServerGroup"
          + " before it in " + region);
    }
    CloudOperation last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
    if (last instanceof ServerGroupOperation.UpsertScalingPolicies<?> u && u.serverGroupName().equals(group)
        && u.region().equals(region) && u.policies() instanceof ScalingSpec before) {
      ops.set(ops.size() - 1, new ServerGroupOperation.UpsertScalingPolicies<>(account, region, group,
          TitusPolicies.plus(before, policy)));
    } else {
      ops.add(new ServerGroupOperation.UpsertScalingPolicies<>(account, region, group,
          TitusPolicies.plus(ScalingSpec.NONE, policy)));
    }
  }

  /** Titus deletes a policy by the id it gave it; the policy itself is found on the job. */
  private void deletePolicy(JsonView s, List<CloudOperation> ops) {
    String group = ServerGroupStages.requiredServerGroupName(s);
    String account = ServerGroupStages.account(s);
    String region = ServerGroupStages.region(s);
    String id = s.optText("scalingPolicyID") != null ? s.text("scalingPolicyID") : s.text("policyId");
    ScalingSpec found = ScalingSpec.NONE;
    for (TitusServerGroupState g : groups(account, region, Moniker.parse(group).cluster().toName())) {
      if (g.name().equals(group)) {
        for (ScalingPolicyRef p : g.policies()) {
          found = p.id().equals(id) ? TitusPolicies.plus(found, p.policy()) : found;
        }
      }
    }
    CloudOperation last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
    if (last instanceof ServerGroupOperation.DeleteScalingPolicies<?> d && d.serverGroupName().equals(group)
        && d.region().equals(region) && d.policies() instanceof ScalingSpec before) {
      Set<String> policyIds = new LinkedHashSet<>(d.policyIds());
      policyIds.add(id);
      ops.set(ops.size() - 1, new ServerGroupOperation.DeleteScalingPolicies<>(account, region, group, policyIds,
          before.plus(found)));
    } else {
      ops.add(new ServerGroupOperation.DeleteScalingPolicies<>(account, region, group, Set.of(id), found));
    }
  }

  /** A {@code runJob} stage ({@code ContainerJobConfig}): the image as {@code imageId} or its parts. */
  private static BatchJob batchJob(JsonView s) {
    String image = s.optText("imageId");
    if (image == null) {
      image = s.optText("image");
    }
    if (image == null) {
      String organization = s.optText("organization");
      String repository = s.text("repository");
      String version = s.optText("tag") != null ? ":" + s.text("tag") : "@" + s.text("digest");
      image = (organization == null || repository.contains("/") ? "" : organization + "/") + repository + version;
    }
    String entrypoint = s.optText("entryPoint") != null ? s.optText("entryPoint") : s.optText("entrypoint");
    return new BatchJob(ServerGroupStages.account(s), ServerGroupStages.region(s), s.text("application"), image,
        entrypoint == null || entrypoint.isEmpty() ? null : entrypoint, s.stringMap("env"));
  }
}
