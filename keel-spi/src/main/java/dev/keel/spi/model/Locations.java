package dev.keel.spi.model;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Where a resource lives: a cloud account, optionally a VPC and a subnet purpose, and its regions.
 *
 * <p>An environment may declare locations once; the config reader then fills them into every resource
 * that is {@link Locatable} and omits its own.
 *
 * @param account the cloud account, such as {@code test}
 * @param vpc the VPC name, or null for the default ({@link #DEFAULT_VPC}, or the one named in the subnet)
 * @param subnet the subnet purpose, such as {@code internal (vpc0)}, or null for the default
 * @param regions the regions, ordered by name, at least one
 */
public record Locations(String account, @Nullable String vpc, @Nullable String subnet, Set<RegionSpec> regions) {

  /** The VPC used when none is given: {@value}. */
  public static final String DEFAULT_VPC = "vpc0";

  private static final Pattern VPC_IN_SUBNET = Pattern.compile(".*\\((vpc\\w+)\\)");

  /**
   * Validates and orders the regions.
   *
   * @throws IllegalArgumentException if the account is blank, there is no region or a region repeats
   */
  public Locations {
    Objects.requireNonNull(account, "account");
    if (account.isBlank()) {
      throw new IllegalArgumentException("Locations need an account");
    }
    if (regions == null || regions.isEmpty()) {
      throw new IllegalArgumentException("Locations need at least one region");
    }
    Set<String> names = new LinkedHashSet<>();
    for (RegionSpec r : regions) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("Region " + r.name() + " is listed twice");
      }
    }
    var sorted = new LinkedHashSet<RegionSpec>();
    regions.stream().sorted(Comparator.comparing(RegionSpec::name)).forEach(sorted::add);
    regions = java.util.Collections.unmodifiableSet(sorted);
  }

  /**
   * The VPC in effect: the one given, else the one named in the subnet purpose ({@code internal (vpc5)}),
   * else {@link #DEFAULT_VPC}.
   *
   * @return the VPC name
   */
  public String effectiveVpc() {
    if (vpc != null) {
      return vpc;
    }
    if (subnet != null) {
      Matcher m = VPC_IN_SUBNET.matcher(subnet);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return DEFAULT_VPC;
  }

  /**
   * The names of the regions, in order.
   *
   * @return the region names
   */
  public Set<String> regionNames() {
    var names = new LinkedHashSet<String>();
    regions.forEach(r -> names.add(r.name()));
    return java.util.Collections.unmodifiableSet(names);
  }
}
