package dev.keel.spi.model;

import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A Debian package, optionally baked into machine images per {@code vmOptions}.
 *
 * @param name the package name
 * @param reference the reference resources use; the name when omitted
 * @param vmOptions how to bake it, or null if it is not baked
 * @param statuses the release statuses to consider (Keel's legacy filter: snapshot, candidate, final,
 *     release), empty for all
 * @param from a branch or pull request filter, or null
 */
public record DebianArtifact(
    String name,
    String reference,
    @Nullable VirtualMachineOptions vmOptions,
    Set<String> statuses,
    @Nullable ArtifactOriginFilter from) implements DeliveryArtifact {

  /** The type name, {@value}. */
  public static final String TYPE = "deb";

  /** Applies defaults. */
  public DebianArtifact {
    Objects.requireNonNull(name, "name");
    reference = reference == null ? name : reference;
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
