package dev.keel.testkit.spinnaker;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.spi.model.Moniker;
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
    return new Parsed(ServerGroupStages.foldEnableAndResize(ops), batch);
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
    String registry = s.text("registry", titusAccount.registry());
    Image image = image(s.text("imageId"), s.optText("tag"), s.optText("digest"), registry, s.path());
    List<String> candidates = clouds.securityGroupNames(titusAccount.awsAccount(), region);
    Set<String> securityGroups = new HashSet<>();
    s.strings("securityGroups").forEach(g -> securityGroups.add(ids.securityGroupNameOrSelf(titusAccount.awsAccount(),
        region, g, candidates)));
    // Orca adds its default groups to every deploy, and Titus attaches the application's own group
    securityGroups.addAll(clouds.orcaDefaultSecurityGroups(g -> true, securityGroups));
    securityGroups.add(Moniker.parse(ServerGroupStages.clusterName(s)).app());
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
    Capacity capacity = ServerGroupStages.capacity(s.object("capacity"));
    TitusServerGroup model = new TitusServerGroup(cluster, null, new Location(account, region),
        new ContainerImage(image.repository(), image.digest()),
        scaling.hasPolicies() ? ServerGroupStages.autoScaled(capacity) : capacity,
        s.text("capacityGroup", Moniker.parse(cluster).app()),
        constraints == null ? ConstraintsSpec.DEFAULT : new ConstraintsSpec(constraints.stringMap("hard"),
            constraints.has("soft") ? constraints.stringMap("soft") : null),
        new ClusterDependencies(new LinkedHashSet<>(s.strings("loadBalancers")), securityGroups,
            new LinkedHashSet<>(s.strings("targetGroups"))),
        s.text("entryPoint", ""), s.stringMap("env"), s.stringMap("containerAttributes"),
        migration == null ? MigrationPolicySpec.DEFAULT : new MigrationPolicySpec(migration.optText("type")),
        resources, s.stringMap("tags"), scaling, true, image.tag());
    JsonView source = s.optObject("source");
    String sourceName = source == null ? null : source.optText("asgName");
    if (sourceName == null && source != null) {
      sourceName = source.optText("serverGroupName");
    }
    return new ServerGroupOperation.CreateServerGroup<>(model, ServerGroupStages.strategy(s), sourceName,
        new DeployWave(region, null, null, null));
  }

  /**
   * An image as a deploy names it.
   *
   * @param repository {@code organization/image}
   * @param tag the tag, the version deployed, or null when unknown
   * @param digest the digest
   */
  private record Image(String repository, @Nullable String tag, String digest) {}

  /**
   * The image of a deploy: {@code imageId} is {@code repository:tag}, {@code repository@digest} or (as Keel sends
   * it with {@code digest}) {@code repository:digest}. A tag without a digest is looked up in the registry; a
   * digest without a tag is named by its newest tag there.
   */
  private Image image(String imageId, @Nullable String tag, @Nullable String digest, String registry, String path) {
    String repository = imageId;
    if (digest != null && imageId.endsWith(":" + digest)) {
      repository = imageId.substring(0, imageId.length() - digest.length() - 1);
    } else if (imageId.contains("@")) {
      repository = imageId.substring(0, imageId.indexOf('@'));
      digest = digest != null ? digest : imageId.substring(imageId.indexOf('@') + 1);
    } else if (imageId.lastIndexOf(':') > imageId.lastIndexOf('/')) {
      repository = imageId.substring(0, imageId.lastIndexOf(':'));
      tag = tag != null ? tag : imageId.substring(imageId.lastIndexOf(':') + 1);
    }
    String repo = repository;
    List<DockerImage> images = titus().images(registry, repo);
    if (digest == null) {
      String wanted = tag;
      digest = images.stream().filter(i -> i.tag().equals(wanted)).findFirst().map(DockerImage::digest)
          .orElseThrow(() -> HttpProblem.badRequest(path + ".imageId: no image " + repo + ":" + wanted
              + " in registry " + registry));
    }
    if (tag == null) {
      String known = digest;
      tag = images.stream().filter(i -> i.digest().equals(known)).findFirst().map(DockerImage::tag).orElse(null);
    }
    return new Image(repository, tag, digest);
  }

  /** A policy of a stage: as Keel sends it (like EC2's), or as a Titus policy descriptor. */
  private static Object policy(JsonView s) {
    if (s.has("targetTrackingConfiguration") || s.has("alarm")) {
      return TitusPolicies.parseUpsert(s);
    }
    JsonView descriptor = s.optObject("scalingPolicy");
    if (descriptor == null) {
      descriptor = s.optObject("policy");
    }
    return TitusPolicies.parse(descriptor != null ? descriptor : s);
  }

  private void upsertPolicy(JsonView s, List<CloudOperation> ops) {
    ServerGroupStages.foldPolicy(s, ops, policy(s), ScalingSpec.NONE, ScalingSpec.class, TitusPolicies::plus);
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

  /**
   * A {@code runJob} stage ({@code ContainerJobConfig}): the container under {@code cluster}, or at the top; the
   * image as {@code imageId} or its parts.
   */
  private static BatchJob batchJob(JsonView stage) {
    JsonView s = stage.optObject("cluster") != null ? stage.object("cluster") : stage;
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
    return new BatchJob(ServerGroupStages.account(stage), ServerGroupStages.region(stage),
        stage.text("application", s.text("application", "")), image,
        entrypoint == null || entrypoint.isEmpty() ? null : entrypoint, s.stringMap("env"));
  }
}
