package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.cloud.api.ServerGroupState;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Inventory;
import dev.keel.ec2.api.Ec2ReadException;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusReadException;
import dev.keel.titus.api.TitusServerGroupState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Clouddriver's reads (reference §2), answered from the attached clouds' current state: clusters and active
 * server groups of EC2 and Titus, security groups, load balancers, images, credentials, networks, subnets,
 * Docker images and tags, entity tags and certificates. A cloud's read failure (an injected 5xx of the
 * simulator) is a 503; an absent thing is a 404, except where Clouddriver answers an empty list.
 */
final class ClouddriverRoutes {

  private final Clouds clouds;
  private final FakeIds ids;
  private final Clock clock;
  private final Ec2ServerGroupJson ec2Groups;
  private final Ec2ResourceJson ec2Resources;
  private final TitusJson titus;

  ClouddriverRoutes(Clouds clouds, FakeIds ids, Clock clock) {
    this.clouds = clouds;
    this.ids = ids;
    this.clock = clock;
    this.ec2Groups = new Ec2ServerGroupJson(clouds, ids);
    this.ec2Resources = new Ec2ResourceJson(ec2Groups, ids, clock.instant());
    this.titus = new TitusJson(clouds, ids);
  }

  Router router() {
    String cluster = "/applications/{app}/clusters/{account}/{cluster}/{provider}";
    return new Router()
        .add("GET", cluster, this::cluster)
        .add("GET", cluster + "/{region}/serverGroups/target/current_asg_dynamic", this::activeServerGroup)
        .add("GET", "/applications/{app}/loadBalancers", this::applicationLoadBalancers)
        .add("GET", "/aws/loadBalancers/{account}/{region}/{name}", this::loadBalancer)
        .add("GET", "/securityGroups/{account}/{provider}/{region}/{name}", this::securityGroup)
        .add("GET", "/aws/images/find", this::findImages)
        .add("GET", "/aws/images/{account}/{region}/{imageId}", this::imageById)
        .add("GET", "/credentials/{account}", this::credentials)
        .add("GET", "/networks/aws", r -> ok(networks()))
        .add("GET", "/subnets/aws", r -> ok(subnets()))
        .add("GET", "/dockerRegistry/images/find", this::dockerImages)
        .add("GET", "/dockerRegistry/images/tags", this::dockerTags)
        .add("GET", "/tags", r -> ok(JsonView.array()))
        .add("GET", "/certificates/aws", r -> ok(certificates()))
        .add("GET", "/certificates", r -> ok(certificates()));
  }

  private static Response ok(Object json) {
    return Response.json(200, JsonView.write(json));
  }

  /** Runs a cloud read, turning the cloud's read failure into the 503 Clouddriver would answer. */
  private static <T> T read(Supplier<T> read) {
    try {
      return read.get();
    } catch (Ec2ReadException | TitusReadException e) {
      throw new HttpProblem(503, e.getMessage());
    }
  }

  // ---- clusters -----------------------------------------------------------------------------------------

  private boolean isTitus(Request r) {
    String provider = r.param("provider");
    if (provider.equals("aws") || provider.equals("titus")) {
      return provider.equals("titus");
    }
    throw HttpProblem.notFound("No cloud provider " + provider + "; the fake serves aws and titus");
  }

  private void checkApplication(Request r, String cluster) {
    String app = Ec2ServerGroupJson.app(cluster);
    if (app == null || !app.equalsIgnoreCase(r.param("app"))) {
      throw HttpProblem.notFound("Cluster " + cluster + " is not a cluster of application " + r.param("app"));
    }
  }

  /** Every server group of a cluster in one region, oldest first, rendered. */
  private List<ObjectNode> groups(boolean titusCluster, String account, String region, String cluster) {
    if (titusCluster) {
      return read(() -> clouds.titus().serverGroups(account, region, cluster)).stream().map(titus::job).toList();
    }
    return read(() -> clouds.ec2().serverGroups(account, region, cluster)).stream().map(ec2Groups::render).toList();
  }

  private Set<String> regions(boolean titusCluster, String account) {
    return titusCluster ? clouds.titus().regions(account) : clouds.ec2().regions(account);
  }

  private Response cluster(Request r) {
    String account = r.param("account");
    String cluster = r.param("cluster");
    checkApplication(r, cluster);
    boolean titusCluster = isTitus(r);
    List<ObjectNode> all = new ArrayList<>();
    for (String region : regions(titusCluster, account)) {
      all.addAll(groups(titusCluster, account, region, cluster));
    }
    if (all.isEmpty()) {
      throw HttpProblem.notFound("Cluster not found (account: " + account + ", name: " + cluster + ", type: "
          + r.param("provider") + ")");
    }
    return ok(ClusterJson.cluster(account, cluster, r.param("provider"), all));
  }

  private Response activeServerGroup(Request r) {
    String account = r.param("account");
    String cluster = r.param("cluster");
    String region = r.param("region");
    checkApplication(r, cluster);
    boolean onlyEnabled = !"false".equalsIgnoreCase(r.query("onlyEnabled"));
    List<? extends ServerGroupState<?>> states = isTitus(r)
        ? read(() -> clouds.titus().serverGroups(account, region, cluster))
        : read(() -> clouds.ec2().serverGroups(account, region, cluster));
    ServerGroupState<?> active = states.stream().filter(g -> !onlyEnabled || g.enabled())
        .max(Comparator.comparing(ServerGroupState::createdAt)).orElseThrow(() -> HttpProblem.notFound(
            "No " + (onlyEnabled ? "enabled " : "") + "server group of " + cluster + " in " + account + "/" + region));
    return ok(active instanceof TitusServerGroupState t ? titus.job(t) : ec2Groups.render((Ec2ServerGroupState) active));
  }

  // ---- load balancers and security groups ---------------------------------------------------------------

  /** The regions of every account the EC2 lists, as {@code account/region}. */
  private Set<String> accountRegions(Ec2Inventory inventory) {
    Set<String> out = new TreeSet<>();
    inventory.networks().forEach(n -> out.add(n.account() + "/" + n.region()));
    for (Catalog.Account a : inventory.accounts()) {
      clouds.ec2().regions(a.name()).forEach(region -> out.add(a.name() + "/" + region));
    }
    return out;
  }

  private Response applicationLoadBalancers(Request r) {
    String app = r.param("app");
    ArrayNode out = JsonView.array();
    Optional<Ec2Inventory> inventory = clouds.inventory();
    if (inventory.isEmpty()) {
      return ok(out);
    }
    for (String place : accountRegions(inventory.get())) {
      String account = place.substring(0, place.indexOf('/'));
      String region = place.substring(place.indexOf('/') + 1);
      for (String name : inventory.get().loadBalancerNames(account, region)) {
        if (app.equalsIgnoreCase(Ec2ServerGroupJson.app(name))) {
          loadBalancer(account, region, name).ifPresent(out::add);
        }
      }
    }
    return ok(out);
  }

  private Optional<ObjectNode> loadBalancer(String account, String region, String name) {
    Ec2Cloud ec2 = clouds.ec2();
    var alb = read(() -> ec2.applicationLoadBalancer(account, region, name));
    if (alb.isPresent()) {
      return Optional.of(ec2Resources.applicationLoadBalancer(alb.get()));
    }
    return read(() -> ec2.classicLoadBalancer(account, region, name)).map(ec2Resources::classicLoadBalancer);
  }

  private Response loadBalancer(Request r) {
    ArrayNode out = JsonView.array();
    loadBalancer(r.param("account"), r.param("region"), r.param("name")).ifPresent(out::add);
    return ok(out);
  }

  private Response securityGroup(Request r) {
    String account = r.param("account");
    String region = r.param("region");
    if (!r.param("provider").equals("aws")) {
      throw HttpProblem.notFound("Security groups are served for provider aws, not " + r.param("provider"));
    }
    String name = r.param("name");
    if ("true".equalsIgnoreCase(r.query("getById")) || name.startsWith("sg-")) {
      name = ids.securityGroupName(account, region, r.param("name"), clouds.securityGroupNames(account, region))
          .orElseThrow(() -> HttpProblem.notFound("No security group " + r.param("name") + " in " + account + "/"
              + region));
    }
    String wanted = name;
    List<String> vpcs = vpcNames(account, region, r.query("vpcId"));
    if (clouds.optionalEc2().isPresent()) {
      for (String vpc : vpcs) {
        Optional<SecurityGroup> g = read(() -> clouds.ec2().securityGroup(account, region, vpc, wanted));
        if (g.isPresent()) {
          return ok(ec2Resources.securityGroup(g.get()));
        }
      }
    }
    // A Titus group, or an id this fake handed out for a group a served server group carries: attached, so it
    // exists (the simulated Titus keeps a job's groups by name only, such as those Orca and Titus attach to it).
    boolean attached = !wanted.equals(r.param("name"));
    if (attached || clouds.optionalTitus().isPresent() && clouds.titus().securityGroupExists(account, region, wanted)) {
      ObjectNode g = ec2Resources.securityGroupRef(account, region, vpcs.isEmpty() ? "vpc0" : vpcs.get(0), wanted);
      g.remove("accountId");
      g.put("description", "");
      g.putArray("inboundRules");
      return ok(g);
    }
    throw HttpProblem.notFound("No security group " + wanted + " in " + account + "/" + region);
  }

  /** The VPC names to look in: the one of the id given, else every VPC of the region (the default first). */
  private List<String> vpcNames(String account, String region, String vpcId) {
    Set<String> out = new LinkedHashSet<>();
    List<Catalog.Network> networks = clouds.inventory().map(Ec2Inventory::networks).orElse(List.of()).stream()
        .filter(n -> n.account().equals(account) && n.region().equals(region)).toList();
    if (vpcId != null && !vpcId.isEmpty()) {
      networks.stream().filter(n -> n.id().equals(vpcId)).forEach(n -> out.add(n.name()));
      return List.copyOf(out);
    }
    out.add("vpc0");
    networks.forEach(n -> out.add(n.name()));
    return List.copyOf(out);
  }

  // ---- images -------------------------------------------------------------------------------------------

  private List<String> accountNames(String given) {
    if (given != null && !given.isEmpty()) {
      return List.of(given);
    }
    return clouds.inventory().map(i -> i.accounts().stream().map(Catalog.Account::name).toList()).orElse(List.of());
  }

  private Response findImages(Request r) {
    String q = r.query("q", "");
    String region = r.query("region");
    List<String> needles = List.of(q.toLowerCase(Locale.ROOT), q.replace('_', '~').toLowerCase(Locale.ROOT));
    List<Catalog.Image> candidates = clouds.inventory().map(Ec2Inventory::images)
        .orElseGet(() -> read(() -> clouds.ec2().findImages(q, r.query("account", ""))));
    ArrayNode out = JsonView.array();
    candidates.stream()
        .filter(i -> needles.stream().anyMatch(n -> i.name().toLowerCase(Locale.ROOT).contains(n)
            || i.appVersion().toLowerCase(Locale.ROOT).contains(n)))
        .filter(i -> region == null || region.isEmpty() || i.amis().containsKey(region))
        .sorted(Comparator.comparing(Catalog.Image::createdAt).reversed().thenComparing(Catalog.Image::name))
        .forEach(i -> out.add(ec2Resources.namedImage(i, accountNames(r.query("account")))));
    return ok(out);
  }

  private Response imageById(Request r) {
    String region = r.param("region");
    String ami = r.param("imageId");
    ArrayNode out = JsonView.array();
    clouds.inventory().map(Ec2Inventory::images).orElse(List.of()).stream()
        .filter(i -> ami.equals(i.amis().get(region)))
        .forEach(i -> out.add(ec2Resources.namedImage(i, List.of(r.param("account")))));
    if (out.isEmpty()) {
      throw HttpProblem.notFound("No image " + ami + " in " + r.param("account") + "/" + region);
    }
    return ok(out);
  }

  // ---- the catalog --------------------------------------------------------------------------------------

  /**
   * An account's credentials. Where the simulated EC2 and Titus both know an account name (they share
   * {@code test} and {@code prod}, unlike a real Spinnaker), the answer holds both clouds' attributes: the EC2
   * ones ({@code defaultKeyPair}, {@code accountId}) and the Titus ones ({@code awsAccount}, {@code registry}).
   */
  private Response credentials(Request r) {
    String name = r.param("account");
    Optional<Catalog.Account> ec2 = clouds.optionalEc2().flatMap(c -> c.account(name));
    Optional<TitusAccount> titusAccount = clouds.optionalTitus().flatMap(c -> c.account(name));
    if (ec2.isEmpty() && titusAccount.isEmpty()) {
      throw HttpProblem.notFound("No account " + name);
    }
    Set<String> regions = new TreeSet<>();
    ec2.ifPresent(a -> regions.addAll(clouds.ec2().regions(name)));
    titusAccount.ifPresent(a -> regions.addAll(clouds.titus().regions(name)));
    if (ec2.isEmpty()) {
      ObjectNode o = titus.credentials(titusAccount.get(), regions);
      if (name.equals(titusAccount.get().awsAccount())) {
        // a Titus account backed by the AWS account of its own name, with no EC2 served: that account's id
        o.put("accountId", titusAccount.get().awsAccountId());
      }
      return ok(o);
    }
    ObjectNode o = ec2Resources.credentials(ec2.get(), regions);
    titusAccount.ifPresent(t -> {
      o.put("awsAccount", t.awsAccount());
      o.put("awsAccountId", t.awsAccountId());
      o.put("registry", t.registry());
      o.put("environment", t.environment());
    });
    return ok(o);
  }

  private ArrayNode networks() {
    ArrayNode out = JsonView.array();
    clouds.inventory().map(Ec2Inventory::networks).orElse(List.of()).forEach(n -> out.add(Ec2ResourceJson.network(n)));
    return out;
  }

  private ArrayNode subnets() {
    ArrayNode out = JsonView.array();
    Set<String> places = new TreeSet<>();
    clouds.inventory().map(Ec2Inventory::networks).orElse(List.of())
        .forEach(n -> places.add(n.account() + "/" + n.region()));
    for (String place : places) {
      String account = place.substring(0, place.indexOf('/'));
      String region = place.substring(place.indexOf('/') + 1);
      clouds.ec2().subnets(account, region).forEach(s -> out.add(Ec2ResourceJson.subnet(s, account, region)));
    }
    return out;
  }

  private ArrayNode certificates() {
    ArrayNode out = JsonView.array();
    clouds.inventory().ifPresent(i -> i.accounts().forEach(a -> i.certificates(a.name())
        .forEach(c -> out.add(Ec2ResourceJson.certificate(c, clock.instant())))));
    return out;
  }

  // ---- Docker -------------------------------------------------------------------------------------------

  /**
   * The registries to search: the one asked for, else every registry of a Titus account the fake can name (the
   * accounts the EC2 lists, whose names the simulated Titus shares).
   */
  private List<String> registries(Request r) {
    String registry = r.query("account", "");
    if (!registry.isEmpty()) {
      return List.of(registry);
    }
    Set<String> out = new TreeSet<>();
    List<String> accounts = clouds.inventory().map(i -> i.accounts().stream().map(Catalog.Account::name).toList())
        .orElse(List.of());
    for (String account : accounts) {
      clouds.titus().account(account).ifPresent(a -> out.add(a.registry()));
    }
    return List.copyOf(out);
  }

  private String repository(Request r) {
    String repository = r.query("repository", r.query("q", ""));
    if (repository.isEmpty()) {
      throw HttpProblem.badRequest("repository (or q) is required");
    }
    return repository;
  }

  private Response dockerImages(Request r) {
    String repository = repository(r);
    String tag = r.query("tag");
    ArrayNode out = JsonView.array();
    for (String registry : registries(r)) {
      read(() -> clouds.titus().images(registry, repository)).stream()
          .filter(i -> tag == null || tag.isEmpty() || i.tag().equals(tag))
          .forEach(i -> out.add(TitusJson.dockerImage(registry, i)));
    }
    return ok(out);
  }

  private Response dockerTags(Request r) {
    String repository = repository(r);
    Set<String> tags = new LinkedHashSet<>();
    for (String registry : registries(r)) {
      read(() -> clouds.titus().images(registry, repository)).forEach(i -> tags.add(i.tag()));
    }
    return ok(JsonView.strings(tags));
  }
}
