package dev.keel.spi.model;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * How a Debian artifact is baked into machine images.
 *
 * @param baseOs the base operating system, such as {@code bionic}
 * @param baseLabel the base image label: {@code release} by default, or {@code candidate},
 *     {@code previous}, {@code unstable}
 * @param regions the regions to bake in, at least one
 * @param storeType the root volume store type: {@code ebs} by default, or {@code s3}, {@code docker}
 * @param ignoreBaseUpdates whether a newer base image should not trigger a re-bake
 */
public record VirtualMachineOptions(
    String baseOs, @Nullable String baseLabel, Set<String> regions, @Nullable String storeType, boolean ignoreBaseUpdates) {

  /** Applies defaults and checks the values. */
  public VirtualMachineOptions {
    Objects.requireNonNull(baseOs, "baseOs");
    if (regions == null || regions.isEmpty()) {
      throw new IllegalArgumentException("vmOptions need at least one region to bake in");
    }
    regions = java.util.Collections.unmodifiableSet(new TreeSet<>(regions));
    baseLabel = baseLabel == null ? "release" : baseLabel;
    if (!Set.of("release", "candidate", "previous", "unstable").contains(baseLabel)) {
      throw new IllegalArgumentException(
          "Unknown baseLabel '" + baseLabel + "': expected release, candidate, previous or unstable");
    }
    storeType = storeType == null ? "ebs" : storeType;
    if (!Set.of("ebs", "s3", "docker").contains(storeType)) {
      throw new IllegalArgumentException("Unknown storeType '" + storeType + "': expected ebs, s3 or docker");
    }
  }
}
