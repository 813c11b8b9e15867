package dev.keel.ec2.sim;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.support.sim.PlainMap;
import dev.keel.support.sim.SimIds;
import dev.keel.support.sim.SimSeeding.Change;
import dev.keel.support.sim.SimSeeding.Part;
import dev.keel.support.sim.SimSeeding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Reads the {@code ec2} section of a scenario (and the arguments of the timeline actions that share its
 * shapes) into changes of a {@link SimulatedEc2}. Reading checks every value's form and makes no change;
 * the returned change then checks what depends on the cloud's state (known accounts, regions, subnets) and
 * reports a problem with the path of the value at fault.
 */
final class Ec2Seeding {

  /** The key pair a new account gets unless told otherwise. */
  static final String DEFAULT_KEY_PAIR = "nf-keypair-{{region}}";

  private final SimulatedEc2 sim;

  Ec2Seeding(SimulatedEc2 sim) {
    this.sim = sim;
  }

  // ---- the section -------------------------------------------------------------------------------------

  /**
   * Reads a whole section, then applies it part by part: settings, accounts, networks, certificates, base images,
   * images, security groups (all created first, then all given their rules, so they may reference each other),
   * server groups.
   */
  void seed(PlainMap section) {
    SimSeeding.seed(section, Part.each("settings", this::settings), Part.each("accounts", this::account),
        Part.each("networks", this::network), Part.each("certificates", this::certificate),
        Part.each("baseImages", this::baseImage), Part.each("images", this::image),
        new Part("securityGroups", groups -> {
          List<Change> changes = new ArrayList<>();
          groups.forEach(m -> changes.add(securityGroup(m, true)));
          groups.forEach(m -> changes.add(securityGroup(m, false)));
          return changes;
        }), Part.each("serverGroups", this::serverGroup));
  }

  // ---- settings ----------------------------------------------------------------------------------------

  Change settings(PlainMap m) {
    return SimSeeding.settings(m, sim, "bakeDuration", sim::bakeDuration);
  }

  // ---- accounts, networks, certificates ----------------------------------------------------------------

  Change account(PlainMap m) {
    m.onlyKeys("name", "regions", "defaultKeyPair", "accountId");
    String name = m.string("name");
    List<String> regions = SimSeeding.accountRegions(m);
    Optional<String> keyPair = m.optionalString("defaultKeyPair");
    Optional<String> accountId = m.optionalString("accountId");
    return () -> {
      SimCatalog catalog = sim.catalog();
      Optional<Catalog.Account> known = catalog.account(name);
      Catalog.Account account = new Catalog.Account(name,
          accountId.orElse(known.map(Catalog.Account::accountId).orElse(Integer.toString(Math.abs(name.hashCode())))),
          keyPair.orElse(known.map(Catalog.Account::defaultKeyPair).orElse(DEFAULT_KEY_PAIR)));
      catalog.account(account, regions.toArray(String[]::new));
      return "account " + name + " in " + String.join(", ", catalog.regions(name));
    };
  }

  Change network(PlainMap m) {
    m.onlyKeys("account", "region", "regions", "name", "subnets", "zones");
    String account = m.string("account");
    List<String> regions = SimSeeding.regions(m);
    String name = m.string("name");
    List<String> purposes = m.strings("subnets");
    List<String> zones = m.strings("zones");
    return () -> {
      knownAccount(m, account);
      regions.forEach(r -> sim.catalog().network(account, r, name, purposes, zones));
      return "network " + name + " of " + account + " in " + String.join(", ", regions);
    };
  }

  Change certificate(PlainMap m) {
    m.onlyKeys("account", "name");
    String account = m.string("account");
    String name = m.string("name");
    return () -> {
      knownAccount(m, account);
      sim.catalog().addCertificate(account, name);
      return "certificate " + name + " in " + account;
    };
  }

  // ---- images ------------------------------------------------------------------------------------------

  Change baseImage(PlainMap m) {
    m.onlyKeys("os", "label", "name");
    String os = m.string("os");
    String label = m.string("label", "release");
    String name = m.string("name");
    return () -> {
      sim.catalog().baseImage(new Catalog.BaseImage(name, os, label, sim.now()));
      return "base image " + os + "/" + label + " is now " + name;
    };
  }

  Change image(PlainMap m) {
    m.onlyKeys("appVersion", "id", "amis", "regions", "account", "baseImageName", "baseOs", "baseLabel", "name");
    String appVersion = m.string("appVersion");
    Optional<String> id = m.optionalString("id");
    Map<String, String> amis = m.stringMap("amis");
    if (id.isPresent() && !amis.isEmpty()) {
      throw m.problem("amis", "expected either id (with regions) or amis, not both");
    }
    List<String> regions = m.strings("regions");
    if (!amis.isEmpty() && !regions.isEmpty()) {
      throw m.problem("regions", "expected either amis or regions, not both: amis name the regions");
    }
    Optional<String> account = m.optionalString("account");
    Optional<String> baseName = m.optionalString("baseImageName");
    Optional<String> baseOs = m.optionalString("baseOs");
    if (baseName.isPresent() && baseOs.isPresent()) {
      throw m.problem("baseOs", "expected either baseImageName or baseOs (with baseLabel), not both");
    }
    String baseLabel = m.string("baseLabel", "release");
    Optional<String> name = m.optionalString("name");
    return () -> {
      String base = baseName.orElse(null);
      if (baseOs.isPresent()) {
        base = sim.catalog().baseImage(baseOs.get(), baseLabel).map(Catalog.BaseImage::name).orElseThrow(() ->
            m.problem("baseOs", "no base image " + baseOs.get() + "/" + baseLabel + " is known; add it under"
                + " baseImages"));
      }
      Map<String, String> byRegion = new LinkedHashMap<>(amis);
      if (byRegion.isEmpty()) {
        List<String> where = regions;
        if (where.isEmpty()) {
          account.ifPresent(a -> knownAccount(m, a));
          where = List.copyOf(account.map(a -> sim.catalog().regions(a)).orElseGet(this::allRegions));
        }
        for (String region : where) {
          byRegion.put(region, id.orElseGet(() -> amiId(appVersion, region)));
        }
      }
      if (byRegion.isEmpty()) {
        throw m.problem("regions", "expected at least one region, and no account is known to take them from");
      }
      String imageName = name.orElse(appVersion + "-" + (base == null ? "seed" : base));
      sim.catalog().image(new Catalog.Image(imageName, appVersion, base, byRegion, sim.now()));
      return "image " + appVersion + " in " + String.join(", ", byRegion.keySet());
    };
  }

  /**
   * Registers an image of a version in every known region, unless one of exactly that version exists.
   *
   * @return whether it registered one
   */
  boolean ensureImage(String appVersion) {
    SimCatalog catalog = sim.catalog();
    if (catalog.hasImage(appVersion)) {
      return false;
    }
    Map<String, String> amis = new LinkedHashMap<>();
    allRegions().forEach(r -> amis.put(r, amiId(appVersion, r)));
    if (amis.isEmpty()) {
      return false;
    }
    catalog.image(new Catalog.Image(appVersion + "-published", appVersion, null, amis, sim.now()));
    return true;
  }

  private Set<String> allRegions() {
    Set<String> out = new TreeSet<>();
    sim.catalog().accounts().forEach(a -> out.addAll(sim.catalog().regions(a)));
    return out;
  }

  /** A deterministic AMI id for a version in a region: {@code ami-} and 17 hex digits, as AWS's. */
  static String amiId(String appVersion, String region) {
    return "ami-" + SimIds.sha256(appVersion + "@" + region).substring(0, 17);
  }

  // ---- security groups ---------------------------------------------------------------------------------

  /**
   * A security group; {@code create} is the first of the two passes the section makes, which creates every
   * group with its CIDR, prefix-list and cross-account rules, so that the second can add rules referencing
   * groups in any order.
   */
  Change securityGroup(PlainMap m, boolean create) {
    m.onlyKeys("name", "account", "region", "regions", "vpc", "description", "inboundRules");
    String name = m.string("name");
    String account = m.string("account");
    List<String> regions = m.has("region") || m.has("regions") ? SimSeeding.regions(m) : List.of();
    String vpc = m.string("vpc", Locations.DEFAULT_VPC);
    String description = m.optionalString("description").orElse(null);
    List<Map.Entry<String, SecurityGroupRule>> rules = new ArrayList<>();
    List<PlainMap> ruleMaps = m.maps("inboundRules");
    for (PlainMap r : ruleMaps) {
      rules.add(Map.entry(r.path(), rule(r).resolved(name, account)));
    }
    return () -> {
      knownAccount(m, account);
      List<String> where = regions.isEmpty() ? List.copyOf(sim.catalog().regions(account)) : regions;
      for (String region : where) {
        knownRegion(m, m.has("region") ? "region" : "regions", account, region);
        Set<SecurityGroupRule> applied = new LinkedHashSet<>();
        for (var rule : rules) {
          boolean reference = rule.getValue().type(account) == SecurityGroupRule.Type.REFERENCE;
          if (create && reference) {
            continue;
          }
          if (reference && !rule.getValue().name().equals(name)
              && !sim.securityGroupExists(account, region, rule.getValue().name())) {
            throw PlainMap.problemAt(rule.getKey() + ".name", "no security group " + rule.getValue().name() + " in "
                + account + "/" + region + " to reference");
          }
          applied.add(rule.getValue());
        }
        sim.existing(new Ec2Operation.UpsertSecurityGroup(new SecurityGroup(name, account, region, vpc, description,
            applied), create));
      }
      return "security group " + name + " in " + account + " " + where;
    };
  }

  private static SecurityGroupRule rule(PlainMap r) {
    r.onlyKeys("protocol", "portRange", "name", "account", "vpc", "blockRange", "prefixListId", "description");
    PortRange ports = null;
    Optional<PlainMap> range = r.optionalMap("portRange");
    if (range.isPresent()) {
      PlainMap p = range.get().onlyKeys("startPort", "endPort");
      int start = p.integer("startPort");
      int end = p.integer("endPort", start);
      try {
        ports = new PortRange(start, end);
      } catch (IllegalArgumentException e) {
        throw PlainMap.problemAt(p.path(), "expected 0 <= startPort <= endPort <= 65535, got " + start + "-" + end);
      }
    }
    String protocol = r.string("protocol");
    try {
      return new SecurityGroupRule(protocol, ports, r.optionalString("name").orElse(null),
          r.optionalString("account").orElse(null), r.optionalString("vpc").orElse(null),
          r.optionalString("blockRange").orElse(null), r.optionalString("prefixListId").orElse(null),
          r.optionalString("description").orElse(null));
    } catch (IllegalArgumentException e) {
      throw PlainMap.problemAt(r.path(), e.getMessage());
    }
  }

  // ---- server groups -----------------------------------------------------------------------------------

  Change serverGroup(PlainMap m) {
    m.onlyKeys("account", "region", "cluster", "moniker", "name", "image", "appVersion", "instanceType", "capacity",
        "enabled", "healthy", "keyPair", "iamRole", "vpc", "subnet", "availabilityZones", "ebsOptimized",
        "instanceMonitoring", "requireIMDSv2", "loadBalancers", "securityGroups", "targetGroups", "suspendedProcesses",
        "tags");
    String account = m.string("account");
    String region = m.string("region");
    Optional<String> name = m.optionalString("name");
    Moniker cluster = SimSeeding.cluster(m, name.orElse(null));
    ImageRef image = imageRef(m);
    String instanceType = m.string("instanceType", "m5.large");
    Capacity capacity = SimSeeding.capacity(m.map("capacity"), Capacity::new);
    boolean enabled = m.bool("enabled", true);
    boolean healthy = m.bool("healthy", true);
    Optional<String> keyPair = m.optionalString("keyPair");
    String iamRole = m.string("iamRole", cluster.app() + "InstanceProfile");
    String vpc = m.string("vpc", Locations.DEFAULT_VPC);
    String subnet = m.string("subnet", "internal (" + vpc + ")");
    List<String> zones = m.strings("availabilityZones");
    boolean ebsOptimized = m.bool("ebsOptimized", false);
    boolean monitoring = m.bool("instanceMonitoring", false);
    boolean imdsV2 = m.bool("requireIMDSv2", false);
    ClusterDependencies dependencies = new ClusterDependencies(Set.copyOf(m.strings("loadBalancers")),
        Set.copyOf(m.strings("securityGroups")), Set.copyOf(m.strings("targetGroups")));
    Set<String> suspended = Set.copyOf(m.strings("suspendedProcesses"));
    Map<String, String> tags = m.stringMap("tags");
    return () -> {
      Catalog.Account known = knownAccount(m, account);
      knownRegion(m, "region", account, region);
      Set<String> allZones = new TreeSet<>();
      sim.catalog().subnets(account, region).stream().filter(s -> s.purpose().equals(subnet))
          .forEach(s -> allZones.add(s.availabilityZone()));
      if (allZones.isEmpty()) {
        Set<String> purposes = new TreeSet<>();
        sim.catalog().subnets(account, region).forEach(s -> purposes.add(s.purpose()));
        throw m.problem("subnet", "expected one of " + String.join(", ", purposes) + " (the subnets of " + account
            + " in " + region + "), got '" + subnet + "'");
      }
      for (String zone : zones) {
        if (!allZones.contains(zone)) {
          throw m.problem("availabilityZones", "expected zones of subnet " + subnet + " in " + region + " ("
              + String.join(", ", allZones) + "), got '" + zone + "'");
        }
      }
      String key = keyPair.orElse(known.defaultKeyPair().replace("{{region}}", region));
      Catalog.Image resolved = image.resolve(region);
      LaunchConfiguration lc = new LaunchConfiguration(resolved.amis().get(region), resolved.appVersion(),
          resolved.baseImageName(), instanceType, ebsOptimized, iamRole, key, monitoring, null, imdsV2);
      Ec2ServerGroup model = new Ec2ServerGroup(cluster.toName(), new Location(account, region, vpc, subnet,
          zones.isEmpty() ? allZones : Set.copyOf(zones)), lc, capacity, dependencies, Health.DEFAULT, suspended,
          Scaling.NONE, tags, false, resolved.appVersion());
      return SimSeeding.existingServerGroup(m, account, region, enabled,
          () -> sim.existingServerGroup(model, name.orElse(null), enabled, healthy));
    };
  }

  /** The image a server group runs: an AMI id given, or an application version to find or register. */
  private final class ImageRef {
    @Nullable private final String id;
    @Nullable private final String appVersion;
    @Nullable private final String baseImageName;

    ImageRef(@Nullable String id, @Nullable String appVersion, @Nullable String baseImageName) {
      this.id = id;
      this.appVersion = appVersion;
      this.baseImageName = baseImageName;
    }

    /**
     * The image in a region: the AMI given (registered as an image of the version, if one is given), else the
     * newest image of the version there, else a new one.
     */
    Catalog.Image resolve(String region) {
      if (id != null) {
        Catalog.Image image = new Catalog.Image(appVersion == null ? id : appVersion + "-" + id, appVersion,
            baseImageName, Map.of(region, id), sim.now());
        // An image of a version is registered, so that the cluster exported from the group resolves it again.
        if (appVersion != null && sim.catalog().findImages(appVersion).stream()
            .noneMatch(i -> appVersion.equals(i.appVersion()) && id.equals(i.amis().get(region)))) {
          sim.catalog().image(image);
        }
        return image;
      }
      String version = java.util.Objects.requireNonNull(appVersion, "appVersion");
      return sim.catalog().findImages(version).stream()
          .filter(i -> i.appVersion().equals(version) && i.amis().containsKey(region))
          .filter(i -> baseImageName == null || baseImageName.equals(i.baseImageName()))
          .findFirst().orElseGet(() -> {
            Catalog.Image image = new Catalog.Image(version + "-" + (baseImageName == null ? "seed" : baseImageName),
                version, baseImageName, Map.of(region, amiId(version, region)), sim.now());
            sim.catalog().image(image);
            return image;
          });
    }
  }

  private ImageRef imageRef(PlainMap m) {
    Optional<PlainMap> image = m.optionalMap("image");
    Optional<String> appVersion = m.optionalString("appVersion");
    if (image.isPresent()) {
      PlainMap i = image.get().onlyKeys("id", "appVersion", "baseImageName");
      if (appVersion.isPresent()) {
        throw m.problem("appVersion", "expected either image or appVersion, not both (image takes an appVersion)");
      }
      String id = i.optionalString("id").orElse(null);
      String version = i.optionalString("appVersion").orElse(null);
      if (id == null && version == null) {
        throw i.problem("id", "expected an AMI id (or an appVersion to find the image by), got nothing");
      }
      return new ImageRef(id, version, i.optionalString("baseImageName").orElse(null));
    }
    if (appVersion.isEmpty()) {
      throw m.problem("image", "expected an image {id, appVersion, baseImageName} or an appVersion, got nothing");
    }
    return new ImageRef(null, appVersion.get(), null);
  }

  // ---- shared checks -----------------------------------------------------------------------------------

  Catalog.Account knownAccount(PlainMap m, String account) {
    return sim.catalog().account(account)
        .orElseThrow(() -> SimSeeding.unknownAccount(m, account, sim.catalog().accounts()));
  }

  void knownRegion(PlainMap m, String key, String account, String region) {
    SimSeeding.knownRegion(m, key, account, region, sim.catalog().regions(account));
  }
}
