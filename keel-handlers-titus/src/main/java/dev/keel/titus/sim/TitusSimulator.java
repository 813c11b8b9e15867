package dev.keel.titus.sim;

import dev.keel.spi.KeelContext;
import dev.keel.spi.Simulator;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Resource;
import dev.keel.support.sim.PlainMap;
import dev.keel.support.sim.SimActions;
import dev.keel.titus.cloud.TitusCloud;
import dev.keel.titus.handler.TitusClouds;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The plugin's simulated Titus as a host drives it ({@code titus} in a scenario): seeds accounts, images,
 * security groups, test-container exit codes and running jobs, adds the accounts and regions a delivery
 * config needs, pushes the tag of each published version of a Docker artifact (so the {@code titus-image}
 * resolver finds its digest), and plays timeline actions (faults, changes by hand). It works on the plugin's
 * own cloud ({@link TitusClouds#of}), so what it seeds is what the plugin's handler, resolvers and veto see;
 * it is inactive when the host registered a real {@link TitusCloud}. The section and the actions are
 * described in {@code docs/simulated-clouds.md}.
 */
@Extension
public final class TitusSimulator implements Simulator {

  /** The operation types whose stages {@code fail} can make fail. */
  static final List<String> OPERATIONS = List.of("createServerGroup", "resizeServerGroup", "disableServerGroup",
      "rollbackServerGroup", "destroyServerGroup", "upsertScalingPolicy", "deleteScalingPolicy");

  /** The timeline actions it plays as the EC2 simulator does, in its words. */
  private static final SimActions SHARED = new SimActions(OPERATIONS, "tasks", "job");

  private static final Map<String, String> ACTIONS = describeActions();

  private final TitusCloud cloud;
  /** Tags published, pushed again to the registries of accounts added later. */
  private final Set<TitusSeeding.ImageName> published = new LinkedHashSet<>();

  /**
   * The simulator of a plugin's cloud.
   *
   * @param context the plugin's context
   */
  public TitusSimulator(KeelContext context) {
    this(TitusClouds.of(context));
  }

  /**
   * The simulator of a cloud; inactive unless it is a {@link SimulatedTitus}.
   *
   * @param cloud the cloud
   */
  public TitusSimulator(TitusCloud cloud) {
    this.cloud = cloud;
  }

  private static Map<String, String> describeActions() {
    Map<String, String> a = new LinkedHashMap<>();
    SHARED.describe(a, "fail", "failReads", "unhealthy", "resize", "enable", "disable");
    a.put("serverGroup", "{account, region, cluster, image, capacity, ...}: someone deploys a job by hand (as under"
        + " serverGroups)");
    a.put("push", "{image, digest, account or registry}: an image tag is pushed (as under images)");
    a.put("containerExits", "{image, exitCode}: test containers of an image exit with a code from now on");
    a.put("settings", "{bootTime, stageDuration, readLag, batchDuration}: the cloud behaves so from now on");
    return java.util.Collections.unmodifiableMap(a);
  }

  @Override
  public String name() {
    return "titus";
  }

  @Override
  public boolean active() {
    return cloud instanceof SimulatedTitus;
  }

  private SimulatedTitus sim() {
    if (cloud instanceof SimulatedTitus sim) {
      return sim;
    }
    throw new IllegalStateException("The titus simulator is inactive: the host registered its own TitusCloud ("
        + cloud.getClass().getName() + "), which cannot be seeded or given faults");
  }

  @Override
  public void seed(Map<String, Object> section) {
    SimulatedTitus sim = sim();
    sim.catchUp();
    TitusSeeding seeding = new TitusSeeding(sim);
    seeding.seed(PlainMap.of(section));
    pushPublished(seeding);
  }

  /**
   * Adds every Titus account a {@code titus} resource of the config names and the simulator does not know
   * (backed by an AWS account of the same name, with registry {@code <account>registry} and environment
   * {@code <account>}), and every region such an account lacks.
   */
  @Override
  public void prepare(DeliveryConfig config) {
    TitusSeeding seeding = new TitusSeeding(sim());
    config.resources().filter(r -> "titus".equals(r.kind().group())).map(Resource::spec)
        .filter(Locatable.class::isInstance).map(s -> ((Locatable) s).locations()).filter(Objects::nonNull)
        .forEach(l -> seeding.ensure(l.account(), l.regionNames()));
    pushPublished(seeding);
  }

  /**
   * For a Docker artifact, pushes the version as a tag of the artifact's image to every known account's
   * registry that lacks it, with digest {@code sha256:<sha-256 of "organization/image:tag">}; accounts added
   * later get it too.
   */
  @Override
  public void published(DeliveryArtifact artifact, String version) {
    SimulatedTitus sim = sim();
    if (artifact instanceof DockerArtifact docker) {
      published.add(new TitusSeeding.ImageName(docker.name(), version));
      pushPublished(new TitusSeeding(sim));
    }
  }

  private void pushPublished(TitusSeeding seeding) {
    published.forEach(i -> seeding.ensurePushed(i.repository(), i.tag()));
  }

  @Override
  public Map<String, String> actions() {
    return ACTIONS;
  }

  @Override
  public String apply(String action, Map<String, Object> arguments) {
    SimulatedTitus sim = sim();
    // What was due before now happens before the action, with the faults and settings of its time.
    sim.catchUp();
    PlainMap a = PlainMap.of(arguments);
    TitusSeeding seeding = new TitusSeeding(sim);
    if (SimActions.plays(action)) {
      return SHARED.apply(action, a, sim, (m, account, region) -> {
        seeding.knownAccount(m, account);
        seeding.knownRegion(m, account, region);
      });
    }
    switch (action) {
      case "serverGroup" -> {
        return seeding.serverGroup(a).apply() + " deployed by hand";
      }
      case "push" -> {
        return seeding.push(a).apply();
      }
      case "containerExits" -> {
        return seeding.containerExits(a).apply();
      }
      case "settings" -> {
        return seeding.settings(a).apply();
      }
      default -> throw new IllegalArgumentException("Unknown titus action '" + action + "'; expected one of "
          + String.join(", ", ACTIONS.keySet()));
    }
  }
}
