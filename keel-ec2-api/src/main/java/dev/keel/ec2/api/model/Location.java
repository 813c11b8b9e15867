package dev.keel.ec2.api.model;

import dev.keel.cloud.api.RegionalLocation;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Where a regional resource lives.
 *
 * @param account the account
 * @param region the region
 * @param vpc the VPC name
 * @param subnet the subnet purpose, or null for resources without subnets
 * @param availabilityZones the zones, empty when not applicable
 */
public record Location(String account, String region, String vpc, @Nullable String subnet,
    Set<String> availabilityZones) implements RegionalLocation {

  /** Checks for nulls and sorts the zones. */
  public Location {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(vpc, "No vpc supplied or resolved");
    availabilityZones = availabilityZones == null ? Set.of()
        : java.util.Collections.unmodifiableSet(new TreeSet<>(availabilityZones));
  }
}
