package dev.keel.ec2.sim;

import dev.keel.ec2.cloud.Catalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * Adds an account with a VPC named {@code vpc0} in each region, and subnets with purposes
   * {@code internal (vpc0)} and {@code external (vpc0)} in zones a, b and c.
   *
   * @param name the account name
   * @param defaultKeyPair its default key pair, possibly with {@code {{region}}}
   * @param regions its regions
   * @return this catalog
   */
  public synchronized SimCatalog account(String name, String defaultKeyPair, String... regions) {
    accounts.put(name, new Catalog.Account(name, Integer.toString(Math.abs(name.hashCode())), defaultKeyPair));
    for (String region : regions) {
      String vpcId = "vpc-" + name + "-" + region;
      networks.add(new Catalog.Network(vpcId, "vpc0", name, region));
      for (String purpose : List.of("internal (vpc0)", "external (vpc0)")) {
        for (String zone : List.of("a", "b", "c")) {
          String id = "subnet-" + name + "-" + region + zone + "-" + purpose.charAt(0);
          subnets.add(new Catalog.Subnet(id, vpcId, region + zone, purpose));
          subnetRegion.put(id, name + "/" + region);
        }
      }
    }
    return this;
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
