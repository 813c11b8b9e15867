package dev.keel.spi.model;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A resource that another resource needs in order to work, such as a cluster's security group.
 *
 * @param type what kind of thing is needed
 * @param region the region in which it is needed
 * @param name its name
 * @param kind its kind; required for {@link DependencyType#GENERIC_RESOURCE}, otherwise null
 */
public record Dependency(DependencyType type, String region, String name, @Nullable ResourceKind kind) {

  /** Validates that a generic dependency names its kind. */
  public Dependency {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(name, "name");
    if (type == DependencyType.GENERIC_RESOURCE && kind == null) {
      throw new IllegalArgumentException("A generic dependency on " + name + " must name its kind");
    }
  }

  /**
   * Whether a resource of the given kind can satisfy this dependency: the exact kind for a generic
   * dependency, otherwise a kind whose name mentions the dependency type (security-group, load-balancer,
   * target-group).
   *
   * @param candidate a resource kind
   * @return true if it matches
   */
  public boolean matchesKind(ResourceKind candidate) {
    return switch (type) {
      case GENERIC_RESOURCE -> candidate.sameKindAs(kind);
      case SECURITY_GROUP -> candidate.kind().contains("security-group");
      case LOAD_BALANCER -> candidate.kind().contains("load-balancer");
      case TARGET_GROUP -> candidate.kind().contains("target-group");
    };
  }
}
