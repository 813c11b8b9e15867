package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.ScalingPolicyRef;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ResourcesSpec;
import java.util.List;
import java.util.TreeSet;

/**
 * Titus as Clouddriver reports it: a job (a {@code TitusServerGroup}, in the shape of the
 * {@code titus-active-server-group-*.json} fixtures), a Titus account's credentials, and the Docker registry's
 * images and tags.
 */
final class TitusJson {

  private final Clouds clouds;
  private final FakeIds ids;

  TitusJson(Clouds clouds, FakeIds ids) {
    this.clouds = clouds;
    this.ids = ids;
  }

  private TitusAccount account(String name) {
    return clouds.titus().account(name).orElse(new TitusAccount(name, name,
        String.valueOf(Long.parseLong(FakeIds.hex(name, 10), 16) % 1_000_000_000_000L), name + "registry", name));
  }

  ObjectNode job(TitusServerGroupState s) {
    TitusServerGroup m = s.model();
    TitusAccount account = account(m.account());
    String app = ClusterJson.moniker(s.name()).get("app").asText();
    String tag = m.artifactVersion() == null ? "" : m.artifactVersion();
    long created = ClusterJson.millis(s.createdAt());
    ObjectNode o = JsonView.object();
    o.put("id", s.jobId());
    o.put("name", s.name());
    o.put("type", "titus");
    o.put("cloudProvider", "titus");
    o.put("entryPoint", m.entryPoint());
    o.set("entryPointList", JsonView.strings(List.of(m.entryPoint())));
    o.put("cmd", "");
    o.putArray("cmdList");
    o.put("awsAccount", account.awsAccount());
    o.put("accountId", account.awsAccountId());
    o.put("iamProfile", "arn:aws:iam::" + account.awsAccountId() + ":role/" + app + "InstanceProfile");
    TreeSet<String> sgIds = new TreeSet<>();
    m.dependencies().securityGroupNames().forEach(n -> sgIds.add(ids.securityGroupId(account.awsAccount(),
        m.region(), n)));
    o.set("securityGroups", JsonView.strings(sgIds));
    o.set("hardConstraints", JsonView.strings(m.constraints().hard().keySet()));
    o.set("softConstraints", JsonView.strings(m.constraints().soft().keySet()));
    o.set("targetGroups", JsonView.strings(m.dependencies().targetGroups()));
    o.set("env", JsonView.stringMap(m.env()));
    o.put("submittedAt", created);
    o.put("application", app);
    ObjectNode image = o.putObject("image");
    image.put("dockerImageName", m.container().repository());
    image.put("dockerImageVersion", tag);
    image.put("dockerImageDigest", m.container().digest());
    ArrayNode policies = o.putArray("scalingPolicies");
    for (ScalingPolicyRef p : s.policies()) {
      ObjectNode policy = policies.addObject();
      policy.put("id", p.id());
      policy.putObject("status").put("reason", "").put("state", "Applied");
      policy.set("policy", TitusPolicies.render(p.policy(), s.name()));
    }
    o.set("labels", JsonView.stringMap(m.tags()));
    o.set("containerAttributes", JsonView.stringMap(m.containerAttributes()));
    o.putArray("instances");
    ObjectNode capacity = o.putObject("capacity");
    capacity.put("min", m.capacity().min());
    capacity.put("max", m.capacity().max());
    capacity.put("desired", m.capacity().desired() != null ? m.capacity().desired() : s.instances().total());
    capacity.put("pinned", false);
    ObjectNode resources = o.putObject("resources");
    ResourcesSpec r = m.resources().orElse(ResourcesSpec.DEFAULT);
    resources.put("cpu", r.cpu());
    resources.put("memory", r.memory());
    resources.put("disk", r.disk());
    resources.put("gpu", r.gpu());
    resources.put("networkMbps", r.networkMbps());
    resources.putArray("ports");
    resources.put("allocateIpAddress", true);
    ObjectNode placement = o.putObject("placement");
    placement.put("account", m.account());
    placement.put("region", m.region());
    placement.putArray("zones");
    o.put("disabled", !s.enabled());
    o.put("capacityGroup", m.capacityGroup());
    o.put("retries", 0);
    o.put("runtimeLimitSecs", 0);
    ObjectNode buildInfo = o.putObject("buildInfo");
    buildInfo.set("images", JsonView.strings(List.of(m.container().repository() + ":" + tag)));
    ObjectNode docker = buildInfo.putObject("docker");
    docker.put("image", m.container().repository());
    docker.put("tag", tag);
    docker.put("digest", m.container().digest());
    o.putObject("migrationPolicy").put("type", m.migrationPolicy().type());
    o.putObject("serviceJobProcesses").put("disableIncreaseDesired", false).put("disableDecreaseDesired", false);
    ObjectNode constraints = o.putObject("constraints");
    constraints.set("hard", JsonView.stringMap(m.constraints().hard()));
    constraints.set("soft", JsonView.stringMap(m.constraints().soft()));
    o.set("loadBalancers", JsonView.strings(m.dependencies().loadBalancerNames()));
    o.putObject("launchConfig");
    o.set("instanceCounts", ClusterJson.instanceCounts(s.instances()));
    o.set("tags", JsonView.stringMap(m.tags()));
    o.put("createdTime", created);
    o.putArray("zones");
    o.put("region", m.region());
    o.putArray("serverGroupManagers");
    o.set("moniker", ClusterJson.moniker(s.name()));
    return o;
  }

  ObjectNode credentials(TitusAccount a, Iterable<String> regions) {
    ObjectNode o = JsonView.object();
    o.put("name", a.name());
    o.put("type", "titus");
    o.put("cloudProvider", "titus");
    o.put("accountType", a.name());
    o.put("environment", a.environment());
    o.put("awsAccount", a.awsAccount());
    o.put("awsAccountId", a.awsAccountId());
    o.put("registry", a.registry());
    ArrayNode rs = o.putArray("regions");
    regions.forEach(r -> rs.addObject().put("name", r));
    return o;
  }

  static ObjectNode dockerImage(String registry, DockerImage i) {
    ObjectNode o = JsonView.object();
    o.put("account", registry);
    o.put("registry", registry);
    o.put("repository", i.repository());
    o.put("tag", i.tag());
    o.put("digest", i.digest());
    ObjectNode artifact = o.putObject("artifact");
    artifact.put("name", i.repository());
    artifact.put("version", i.tag());
    artifact.put("reference", registry + "/" + i.repository() + ":" + i.tag());
    artifact.put("type", "docker");
    artifact.putObject("metadata").put("registry", registry).put("date", String.valueOf(i.createdAt().toEpochMilli()));
    o.put("date", String.valueOf(i.createdAt().toEpochMilli()));
    return o;
  }
}
