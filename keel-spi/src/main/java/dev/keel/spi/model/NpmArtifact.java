package dev.keel.spi.model;

import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * An npm package, ordered by semantic version.
 *
 * @param name the package name
 * @param reference the reference resources use; the name when omitted
 * @param statuses release statuses to consider, empty for all
 * @param from a branch or pull request filter, or null
 */
public record NpmArtifact(String name, String reference, Set<String> statuses, @Nullable ArtifactOriginFilter from)
    implements DeliveryArtifact {

  /** The type name, {@value}. */
  public static final String TYPE = "npm";

  /** Applies defaults. */
  public NpmArtifact {
    Objects.requireNonNull(name, "name");
    reference = reference == null ? name : reference;
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
