package dev.keel.ec2.sim;

import dev.keel.ec2.api.Catalog;
import dev.keel.spi.model.Locations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulated EC2's catalog: accounts, VPCs, subnets, images and certificates. Seeded by the host or a
 * test through {@link SimulatedEc2#catalog()}.
 */
public final class SimCatalog {

  private final Map<String, Catalog.Account> accounts = new LinkedHashMap<>();
  private final List<Catalog.Network> networks = new ArrayList<>();
  private final List<Catalog.Subnet> subnets = new ArrayList<>();
  private final Map<String, String> subnetRegion = new LinkedHashMap<>();
  private final List<Catalog.Image> images = new ArrayList<>();
  private final Map<String, Catalog.Certificate> certificates = new LinkedHashMap<>();
  private final Map<String, Catalog.BaseImage> baseImages = new LinkedHashMap<>();

  SimCatalog() {}

  /**
   * Adds an account (or replaces its attributes), with a VPC named {@code vpc0} in each region it does not
   * have yet, and subnets with purposes {@code internal (vpc0)} and {@code external (vpc0)} in zones a, b and
   * c.
   *
   * @param name the account name
   * @param defaultKeyPair its default key pair, possibly with {@code {{region}}}
   * @param regions its regions
   * @return this catalog
   */
  public synchronized SimCatalog account(String name, String defaultKeyPair, String... regions) {
    return account(new Catalog.Account(name, Integer.toString(Math.abs(name.hashCode())), defaultKeyPair), regions);
  }

  /**
   * Adds an account (or replaces its attributes), with the default VPC {@code vpc0} in each region it does
   * not have yet, as {@link #account(String, String, String...)}.
   *
   * @param account the account
   * @param regions its regions
   * @return this catalog
   */
  public synchronized SimCatalog account(Catalog.Account account, String... regions) {
    accounts.put(account.name(), account);
    for (String region : regions) {
      region(account.name(), region);
    }
    return this;
  }

  /**
   * Adds a region to a known account, with the default VPC {@code vpc0} and its internal and external
   * subnets in zones a, b and c; nothing happens if the account already has a VPC there.
   *
   * @param account the account
   * @param region the region
   * @return this catalog
   * @throws IllegalArgumentException if the account is unknown
   */
  public synchronized SimCatalog region(String account, String region) {
    if (!accounts.containsKey(account)) {
      throw new IllegalArgumentException("Unknown account " + account + ": add it before its regions");
    }
    if (!regions(account).contains(region)) {
      network(account, region, Locations.DEFAULT_VPC, List.of(), List.of());
    }
    return this;
  }

  /**
   * Adds a VPC to a region of a known account, with subnets of some purposes in some zones; nothing happens
   * if a VPC of that name is there already.
   *
   * @param account the account
   * @param region the region
   * @param name the VPC name, such as {@code vpc0}
   * @param purposes the subnet purposes; {@code internal (<name>)} and {@code external (<name>)} when empty
   * @param zones the zone letters, such as {@code a}; a, b and c when empty
   * @return this catalog
   * @throws IllegalArgumentException if the account is unknown
   */
  public synchronized SimCatalog network(String account, String region, String name, List<String> purposes,
      List<String> zones) {
    if (!accounts.containsKey(account)) {
      throw new IllegalArgumentException("Unknown account " + account + ": add it before its networks");
    }
    if (network(account, region, name).isPresent()) {
      return this;
    }
    String vpcId = "vpc-" + account + "-" + region + (Locations.DEFAULT_VPC.equals(name) ? "" : "-" + name);
    networks.add(new Catalog.Network(vpcId, name, account, region));
    List<String> ps = purposes.isEmpty() ? List.of("internal (" + name + ")", "external (" + name + ")") : purposes;
    for (String purpose : ps) {
      for (String zone : zones.isEmpty() ? List.of("a", "b", "c") : zones) {
        String slug = purposes.isEmpty() ? purpose.substring(0, 1) : purpose.replaceAll("[^A-Za-z0-9]+", "-");
        String id = "subnet-" + account + "-" + region + zone + "-" + slug
            + (Locations.DEFAULT_VPC.equals(name) ? "" : "-" + name);
        subnets.add(new Catalog.Subnet(id, vpcId, region + zone, purpose));
        subnetRegion.put(id, account + "/" + region);
      }
    }
    return this;
  }

  /**
   * The regions of an account: those where it has a VPC.
   *
   * @param account the account
   * @return the regions, sorted; empty for an unknown account
   */
  public synchronized Set<String> regions(String account) {
    Set<String> out = new TreeSet<>();
    networks.stream().filter(n -> n.account().equals(account)).forEach(n -> out.add(n.region()));
    return Collections.unmodifiableSet(out);
  }

  /**
   * The names of the known accounts.
   *
   * @return the names, in the order they were added
   */
  public synchronized Set<String> accounts() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(accounts.keySet()));
  }

  /**
   * Registers an image (a bake finishing).
   *
   * @param image the image
   * @return this catalog
   */
  public synchronized SimCatalog image(Catalog.Image image) {
    images.add(image);
    return this;
  }

  /**
   * Publishes a base image: it becomes the current one of its operating system and label, so images baked
   * on the previous one are outdated from now on.
   *
   * @param baseImage the base image
   * @return this catalog
   */
  public synchronized SimCatalog baseImage(Catalog.BaseImage baseImage) {
    baseImages.put(baseImage.os() + "/" + baseImage.label(), baseImage);
    return this;
  }

  /**
   * The current base image of an operating system and label.
   *
   * @param os the operating system
   * @param label the label
   * @return it, or empty
   */
  public synchronized Optional<Catalog.BaseImage> baseImage(String os, String label) {
    return Optional.ofNullable(baseImages.get(os + "/" + label));
  }

  /**
   * Registers a certificate.
   *
   * @param account the account
   * @param name its name
   * @return this catalog
   */
  public synchronized SimCatalog addCertificate(String account, String name) {
    certificates.put(account + "/" + name,
        new Catalog.Certificate(name, "arn:aws:iam::" + account + ":server-certificate/" + name));
    return this;
  }

  /**
   * Whether an image of exactly an application version is registered.
   *
   * @param appVersion the version, such as {@code fnord-1.0.0-h1.abc}
   * @return true if one is
   */
  public synchronized boolean hasImage(String appVersion) {
    return images.stream().anyMatch(i -> i.appVersion().equals(appVersion));
  }

  synchronized List<Catalog.Account> allAccounts() {
    return List.copyOf(accounts.values());
  }

  synchronized List<Catalog.Network> allNetworks() {
    return List.copyOf(networks);
  }

  synchronized List<Catalog.Image> allImages() {
    return images.stream().sorted(Comparator.comparing(Catalog.Image::createdAt)).toList();
  }

  synchronized List<Catalog.Certificate> certificates(String account) {
    List<Catalog.Certificate> out = new ArrayList<>();
    certificates.forEach((k, v) -> {
      if (k.startsWith(account + "/")) {
        out.add(v);
      }
    });
    return out;
  }

  synchronized Optional<Catalog.Account> account(String name) {
    return Optional.ofNullable(accounts.get(name));
  }

  synchronized Optional<Catalog.Network> network(String account, String region, String name) {
    return networks.stream().filter(n -> n.account().equals(account) && n.region().equals(region)
        && n.name().equals(name)).findFirst();
  }

  synchronized List<Catalog.Subnet> subnets(String account, String region) {
    return subnets.stream().filter(s -> (account + "/" + region).equals(subnetRegion.get(s.id()))).toList();
  }

  synchronized List<Catalog.Image> findImages(String appVersion) {
    return images.stream()
        .filter(i -> i.appVersion().equals(appVersion) || i.appVersion().startsWith(appVersion + "-h"))
        .sorted(Comparator.comparing(Catalog.Image::createdAt).reversed())
        .toList();
  }

  synchronized Optional<Catalog.Certificate> findCertificate(String account, String name) {
    return Optional.ofNullable(certificates.get(account + "/" + name));
  }
}
