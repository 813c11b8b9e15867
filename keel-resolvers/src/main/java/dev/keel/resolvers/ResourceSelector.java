package dev.keel.resolvers;

import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import javax.annotation.Nullable;

/**
 * Which resources a rule applies to; an absent criterion matches everything.
 *
 * @param kind {@code group/kind}, or {@code group/kind@vVERSION} for one version, or null
 * @param application the application, or null
 * @param environment the environment's name, or null
 * @param account the cloud account of a locatable spec, or null
 */
public record ResourceSelector(@Nullable String kind, @Nullable String application, @Nullable String environment,
    @Nullable String account) {

  /** Checks that a kind is well formed. */
  public ResourceSelector {
    if (kind != null && kind.contains("@")) {
      ResourceKind.parse(kind);
    } else if (kind != null && !kind.matches("[\\w.-]+/[\\w.-]+")) {
      throw new IllegalArgumentException("kind '" + kind + "' should be group/kind, such as ec2/cluster");
    }
  }

  /**
   * Whether a resource is selected.
   *
   * @param resource the resource, with its environment in its metadata
   * @return true if every given criterion matches
   */
  public boolean matches(Resource<?> resource) {
    if (kind != null) {
      ResourceKind k = resource.kind();
      String actual = kind.contains("@") ? k.toString() : k.group() + "/" + k.kind();
      if (!kind.equals(actual)) {
        return false;
      }
    }
    if (application != null && !application.equals(resource.application())) {
      return false;
    }
    if (environment != null && !environment.equals(resource.metadataString(Resource.ENVIRONMENT))) {
      return false;
    }
    if (account != null) {
      return resource.spec() instanceof Locatable l && l.locations() != null && account.equals(l.locations().account());
    }
    return true;
  }
}
