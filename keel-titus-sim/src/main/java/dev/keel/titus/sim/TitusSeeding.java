package dev.keel.titus.sim;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.spi.model.Moniker;
import dev.keel.support.sim.PlainMap;
import dev.keel.support.sim.SimIds;
import dev.keel.support.sim.SimSeeding.Change;
import dev.keel.support.sim.SimSeeding.Part;
import dev.keel.support.sim.SimSeeding;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.model.ContainerImage;
import dev.keel.titus.api.model.Location;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ConstraintsSpec;
import dev.keel.titus.api.spec.MigrationPolicySpec;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.api.spec.ScalingSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads the {@code titus} section of a scenario (and the arguments of the timeline actions that share its
 * shapes) into changes of a {@link SimulatedTitus}. Reading checks every value's form and makes no change;
 * the returned change then checks what depends on the cloud's state (known accounts and regions) and reports
 * a problem with the path of the value at fault.
 */
final class TitusSeeding {

  private static final Pattern IMAGE = Pattern.compile("([^/:@\\s]+/[^/:@\\s]+)(?::([^/:@\\s]+))?");
  private static final String ACCOUNT_ID = "titusParameter.agent.accountId";
  private static final String IPV6 = "titusParameter.agent.assignIPv6Address";

  private final SimulatedTitus sim;

  TitusSeeding(SimulatedTitus sim) {
    this.sim = sim;
  }

  /** An image named {@code organization/image[:tag]}. */
  record ImageName(String repository, @Nullable String tag) {
    @Override
    public String toString() {
      return tag == null ? repository : repository + ":" + tag;
    }
  }

  /**
   * Reads a whole section, then applies it part by part: settings, accounts, images, security groups, container
   * exits, server groups.
   */
  void seed(PlainMap section) {
    SimSeeding.seed(section, Part.each("settings", this::settings), Part.each("accounts", this::account),
        Part.each("images", this::push), Part.each("securityGroups", this::securityGroup),
        Part.each("containerExits", this::containerExits), Part.each("serverGroups", this::serverGroup));
  }

  Change settings(PlainMap m) {
    return SimSeeding.settings(m, sim, "batchDuration", sim::batchDuration);
  }

  Change account(PlainMap m) {
    m.onlyKeys("name", "regions", "awsAccount", "awsAccountId", "registry", "environment");
    String name = m.string("name");
    List<String> regions = SimSeeding.accountRegions(m);
    Optional<String> awsAccount = m.optionalString("awsAccount");
    Optional<String> awsAccountId = m.optionalString("awsAccountId");
    Optional<String> registry = m.optionalString("registry");
    Optional<String> environment = m.optionalString("environment");
    return () -> {
      Optional<TitusAccount> known = sim.account(name);
      sim.account(new TitusAccount(name,
          awsAccount.orElse(known.map(TitusAccount::awsAccount).orElse(name)),
          awsAccountId.orElse(known.map(TitusAccount::awsAccountId).orElse(SimIds.digits(name, 12))),
          registry.orElse(known.map(TitusAccount::registry).orElse(name + "registry")),
          environment.orElse(known.map(TitusAccount::environment).orElse(name))), regions.toArray(String[]::new));
      return "account " + name + " in " + String.join(", ", sim.regions(name));
    };
  }

  /** Adds an account the simulator does not know, with Keel-like defaults, or regions one lacks. */
  void ensure(String account, Set<String> regions) {
    TitusAccount known = sim.account(account).orElseGet(() -> new TitusAccount(account, account,
        SimIds.digits(account, 12), account + "registry", account));
    sim.account(known, regions.toArray(String[]::new));
  }

  Change push(PlainMap m) {
    m.onlyKeys("image", "digest", "account", "registry");
    ImageName image = image(m, "image", true);
    Optional<String> digest = m.optionalString("digest");
    Optional<String> account = m.optionalString("account");
    Optional<String> registry = m.optionalString("registry");
    if (account.isPresent() && registry.isPresent()) {
      throw m.problem("registry", "expected either account or registry, not both");
    }
    return () -> {
      Set<String> registries = new LinkedHashSet<>();
      if (registry.isPresent()) {
        registries.add(registry.get());
      } else if (account.isPresent()) {
        registries.add(knownAccount(m, account.get()).registry());
      } else {
        registries.addAll(registries());
      }
      String d = digest.orElse(digestOf(image));
      registries.forEach(r -> sim.push(r, new DockerImage(image.repository(), image.tag(), d, sim.now())));
      return "image " + image + " (" + d + ") pushed to " + String.join(", ", registries);
    };
  }

  /**
   * Pushes a tag to every known account's registry where it is missing.
   *
   * @return the registries it was pushed to
   */
  List<String> ensurePushed(String repository, String tag) {
    List<String> pushed = new ArrayList<>();
    String digest = digestOf(new ImageName(repository, tag));
    for (String registry : registries()) {
      if (sim.digest(registry, repository, tag).isEmpty()) {
        sim.push(registry, new DockerImage(repository, tag, digest, sim.now()));
        pushed.add(registry);
      }
    }
    return pushed;
  }

  private Set<String> registries() {
    Set<String> out = new LinkedHashSet<>();
    sim.accounts().forEach(a -> sim.account(a).ifPresent(t -> out.add(t.registry())));
    return out;
  }

  /** The digest the simulator gives a tag it makes up: {@code sha256:} and the SHA-256 of {@code image:tag}. */
  static String digestOf(ImageName image) {
    return "sha256:" + SimIds.sha256(image.toString());
  }

  Change securityGroup(PlainMap m) {
    m.onlyKeys("name", "account", "awsAccount", "region", "regions");
    String name = m.string("name");
    Optional<String> account = m.optionalString("account");
    Optional<String> awsAccount = m.optionalString("awsAccount");
    if (account.isPresent() == awsAccount.isPresent()) {
      throw m.problem("account", "expected either account (a Titus account, whose AWS account is used) or"
          + " awsAccount, got " + (account.isPresent() ? "both" : "neither"));
    }
    List<String> regions = m.has("region") || m.has("regions") ? SimSeeding.regions(m) : List.of();
    if (awsAccount.isPresent() && regions.isEmpty()) {
      throw m.problem("regions", "expected the regions of the group in " + awsAccount.get() + ", got nothing");
    }
    return () -> {
      String aws = awsAccount.orElseGet(() -> knownAccount(m, account.get()).awsAccount());
      List<String> where = regions.isEmpty() ? List.copyOf(sim.regions(account.get())) : regions;
      where.forEach(r -> sim.securityGroup(aws, r, name));
      return "security group " + name + " in " + aws + " " + where;
    };
  }

  Change containerExits(PlainMap m) {
    m.onlyKeys("image", "exitCode");
    ImageName image = image(m, "image", true);
    int exitCode = m.integer("exitCode");
    return () -> {
      sim.containerExits(image.toString(), exitCode);
      return "containers of " + image + " exit with " + exitCode;
    };
  }

  Change serverGroup(PlainMap m) {
    m.onlyKeys("account", "region", "cluster", "moniker", "name", "image", "digest", "capacity", "enabled", "healthy",
        "capacityGroup", "entryPoint", "env", "containerAttributes", "tags", "resources", "constraints",
        "securityGroups", "loadBalancers", "targetGroups");
    String account = m.string("account");
    String region = m.string("region");
    Optional<String> name = m.optionalString("name");
    Moniker cluster = SimSeeding.cluster(m, name.orElse(null));
    ImageName image = image(m, "image", false);
    Optional<String> digest = m.optionalString("digest");
    if (image.tag() == null && digest.isEmpty()) {
      throw m.problem("image", "expected organization/image:tag (or a digest beside it), got '" + image + "'");
    }
    Capacity capacity = SimSeeding.capacity(m.map("capacity"), Capacity::new);
    boolean enabled = m.bool("enabled", true);
    boolean healthy = m.bool("healthy", true);
    String capacityGroup = m.string("capacityGroup", cluster.app());
    String entryPoint = m.optionalString("entryPoint").orElse("");
    Map<String, String> env = m.stringMap("env");
    Map<String, String> attributes = m.stringMap("containerAttributes");
    Map<String, String> tags = m.stringMap("tags");
    ResourcesSpec resources = resources(m.map("resources"));
    PlainMap constraints = m.map("constraints").onlyKeys("hard", "soft");
    ConstraintsSpec placement = new ConstraintsSpec(constraints.has("hard") ? constraints.stringMap("hard") : null,
        constraints.has("soft") ? constraints.stringMap("soft") : null);
    ClusterDependencies dependencies = new ClusterDependencies(Set.copyOf(m.strings("loadBalancers")),
        Set.copyOf(m.strings("securityGroups")), Set.copyOf(m.strings("targetGroups")));
    return () -> {
      TitusAccount titus = knownAccount(m, account);
      knownRegion(m, account, region);
      String d = digest.orElseGet(() -> sim.digest(titus.registry(), image.repository(), image.tag())
          .orElse(digestOf(image)));
      if (image.tag() != null && sim.digest(titus.registry(), image.repository(), image.tag()).isEmpty()) {
        sim.push(titus.registry(), new DockerImage(image.repository(), image.tag(), d, sim.now()));
      }
      // As the plugin's resolvers would have it: the region's and account's environment, the account's
      // container attributes.
      Map<String, String> fullEnv = new TreeMap<>(env);
      fullEnv.putIfAbsent("SPINNAKER_ACCOUNT", account);
      fullEnv.put("EC2_REGION", region);
      fullEnv.put("NETFLIX_REGION", region);
      fullEnv.put("NETFLIX_HOME_REGION", region);
      Map<String, String> fullAttributes = new TreeMap<>(attributes);
      fullAttributes.putIfAbsent(ACCOUNT_ID, titus.awsAccountId());
      if ("test".equals(titus.environment())) {
        fullAttributes.putIfAbsent(IPV6, "true");
      }
      TitusServerGroup model = new TitusServerGroup(cluster.toName(), null, new Location(account, region),
          new ContainerImage(image.repository(), d), capacity, capacityGroup, placement, dependencies, entryPoint,
          fullEnv, fullAttributes, MigrationPolicySpec.DEFAULT, resources, tags, ScalingSpec.NONE, false,
          image.tag());
      return SimSeeding.existingServerGroup(m, account, region, enabled,
          () -> sim.existingServerGroup(model, name.orElse(null), enabled, healthy));
    };
  }

  static ImageName image(PlainMap m, String key, boolean tagRequired) {
    String text = m.string(key);
    Matcher matcher = IMAGE.matcher(text);
    if (!matcher.matches() || (tagRequired && matcher.group(2) == null)) {
      throw m.problem(key, "expected organization/image" + (tagRequired ? ":tag" : "[:tag]") + ", got '" + text
          + "'");
    }
    return new ImageName(matcher.group(1), matcher.group(2));
  }

  private static ResourcesSpec resources(PlainMap r) {
    r.onlyKeys("cpu", "memory", "disk", "gpu", "networkMbps");
    return new ResourcesSpec(ranged(r, "cpu", 1, 64), ranged(r, "memory", 512, 472000),
        ranged(r, "disk", 10000, 999000), ranged(r, "gpu", 0, 16), ranged(r, "networkMbps", 128, 40000))
        .orElse(ResourcesSpec.DEFAULT);
  }

  @Nullable
  private static Integer ranged(PlainMap r, String key, int min, int max) {
    Optional<Integer> v = r.optionalInteger(key);
    if (v.isPresent() && (v.get() < min || v.get() > max)) {
      throw r.problem(key, "expected a whole number from " + min + " to " + max + ", got " + v.get());
    }
    return v.orElse(null);
  }

  TitusAccount knownAccount(PlainMap m, String account) {
    return sim.account(account).orElseThrow(() -> SimSeeding.unknownAccount(m, account, sim.accounts()));
  }

  void knownRegion(PlainMap m, String account, String region) {
    SimSeeding.knownRegion(m, "region", account, region, sim.regions(account));
  }
}
