package dev.keel.support.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The facts of one region of a cluster diff.
 *
 * @param region the region
 * @param changed the top-level properties of the region's model that differ between desired and current
 *     (all of them when the region has no active server group)
 * @param serverGroups every server group of the cluster in the region, enabled or not
 * @param desiredVersion the artifact version desired, or null when the spec names none
 */
public record RegionFacts(String region, Set<String> changed, List<ServerGroupFacts> serverGroups,
    @Nullable String desiredVersion) {

  /** Checks for nulls and sorts the server groups oldest first. */
  public RegionFacts {
    Objects.requireNonNull(region, "region");
    changed = Set.copyOf(changed);
    serverGroups = serverGroups.stream().sorted(Comparator.comparing(ServerGroupFacts::createdAt)
        .thenComparing(ServerGroupFacts::name)).toList();
  }

  /**
   * The active server group: the newest enabled one.
   *
   * @return it, or empty when no group is enabled
   */
  public Optional<ServerGroupFacts> active() {
    return serverGroups.stream().filter(ServerGroupFacts::enabled).reduce((a, b) -> b);
  }

  /**
   * The enabled server groups, oldest first.
   *
   * @return them
   */
  public List<ServerGroupFacts> enabled() {
    return serverGroups.stream().filter(ServerGroupFacts::enabled).toList();
  }
}
