package dev.keel.spi.model;

import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A region a resource lives in, optionally limited to some availability zones.
 *
 * @param name the region, such as {@code us-west-2}
 * @param availabilityZones the zones to use; empty means every zone of the region
 */
public record RegionSpec(String name, Set<String> availabilityZones) {

  /** Validates the name and copies the zones. */
  public RegionSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Region name must not be blank");
    }
    availabilityZones = availabilityZones == null ? Set.of() : Set.copyOf(availabilityZones);
  }

  /**
   * A region using all its availability zones.
   *
   * @param name the region
   */
  public RegionSpec(String name) {
    this(name, Set.of());
  }

  /**
   * Reads the short form of YAML where a region is given by its name alone.
   *
   * @param name the region
   * @param zones the zones, or null
   * @return the region
   */
  public static RegionSpec of(String name, @Nullable Set<String> zones) {
    return new RegionSpec(name, zones);
  }
}
