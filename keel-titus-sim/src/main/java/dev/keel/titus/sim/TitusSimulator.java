package dev.keel.titus.sim;

import dev.keel.spi.KeelContext;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.Locations;
import dev.keel.support.sim.ClusterSimulator;
import dev.keel.support.sim.PlainMap;
import dev.keel.support.sim.SimActions;
import dev.keel.titus.api.TitusCloud;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The simulated Titus as a host drives it ({@code titus} in a scenario): seeds accounts, images, security
 * groups, test-container exit codes and running jobs, adds the accounts and regions a delivery config needs,
 * pushes the tag of each published version of a Docker artifact (so the {@code titus-image} resolver finds its
 * digest), and plays timeline actions (faults, changes by hand). It offers its {@link SimulatedTitus} as the
 * {@link TitusCloud} of the Titus plugin ({@link #clouds()}), which uses it when configured with
 * {@code simulated: true}, so what it seeds is what that plugin's handler, resolvers and veto see. The section
 * and the actions are described in {@code docs/simulated-clouds.md}.
 */
@Extension
public final class TitusSimulator extends ClusterSimulator<SimulatedTitus> {

  /** The operation types whose stages {@code fail} can make fail. */
  static final List<String> OPERATIONS = List.of("createServerGroup", "resizeServerGroup", "disableServerGroup",
      "rollbackServerGroup", "destroyServerGroup", "upsertScalingPolicy", "deleteScalingPolicy");

  /** The timeline actions it plays as the EC2 simulator does, in its words. */
  private static final SimActions SHARED = new SimActions(OPERATIONS, "tasks", "job");

  private static final Map<String, String> ACTIONS = describeActions();

  /** Tags published, pushed again to the registries of accounts added later. */
  private final Set<TitusSeeding.ImageName> published = new LinkedHashSet<>();

  /**
   * A simulator of a simulated Titus with the defaults ({@link SimulatedTitus#withDefaults}) on the engine's
   * clock.
   *
   * @param context the plugin's context
   */
  public TitusSimulator(KeelContext context) {
    this(SimulatedTitus.withDefaults(context.clock()));
  }

  /**
   * The simulator of a simulated Titus.
   *
   * @param sim the simulated Titus
   */
  public TitusSimulator(SimulatedTitus sim) {
    super("titus", TitusCloud.class, sim, SHARED);
  }

  private static Map<String, String> describeActions() {
    Map<String, String> a = new LinkedHashMap<>();
    SHARED.describe(a, "fail", "failReads", "unhealthy", "resize", "enable", "disable");
    a.put("serverGroup", "{account, region, cluster, image, capacity, ...}: someone deploys a job by hand (as under"
        + " serverGroups)");
    a.put("push", "{image, digest, account or registry}: an image tag is pushed (as under images)");
    a.put("containerExits", "{image, exitCode}: test containers of an image exit with a code from now on");
    a.put("settings", "{bootTime, stageDuration, readLag, batchDuration}: the cloud behaves so from now on");
    return Collections.unmodifiableMap(a);
  }

  @Override
  protected void seed(PlainMap section) {
    TitusSeeding seeding = new TitusSeeding(sim);
    seeding.seed(section);
    pushPublished(seeding);
  }

  /**
   * Adds every Titus account a {@code titus} resource of the config names and the simulator does not know
   * (backed by an AWS account of the same name, with registry {@code <account>registry} and environment
   * {@code <account>}), and every region such an account lacks.
   */
  @Override
  protected void prepare(List<Locations> locations) {
    TitusSeeding seeding = new TitusSeeding(sim);
    locations.forEach(l -> seeding.ensure(l.account(), l.regionNames()));
    pushPublished(seeding);
  }

  /**
   * For a Docker artifact, pushes the version as a tag of the artifact's image to every known account's
   * registry that lacks it, with digest {@code sha256:<sha-256 of "organization/image:tag">}; accounts added
   * later get it too.
   */
  @Override
  public void published(DeliveryArtifact artifact, String version) {
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
  protected void checkPlace(PlainMap arguments, String account, String region) {
    TitusSeeding seeding = new TitusSeeding(sim);
    seeding.knownAccount(arguments, account);
    seeding.knownRegion(arguments, account, region);
  }

  @Override
  protected String applyOwn(String action, PlainMap a) {
    TitusSeeding seeding = new TitusSeeding(sim);
    return switch (action) {
      case "serverGroup" -> seeding.serverGroup(a).apply() + " deployed by hand";
      case "push" -> seeding.push(a).apply();
      case "containerExits" -> seeding.containerExits(a).apply();
      case "settings" -> seeding.settings(a).apply();
      default -> throw unknown(action);
    };
  }
}
