package dev.keel.resolvers;

import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.Resolver;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Writes into every {@link ArtifactReferencing} spec the version its environment should run: the pinned
 * version, else the best approved one. Until a version is approved the resource cannot be resolved, and
 * the engine shows it as WAITING (never resolved before) or CURRENTLY_UNRESOLVABLE.
 *
 * <p>It runs first ({@link #ORDER}), so later resolvers (an image resolver, for instance) see the version.
 */
@Extension
public final class ArtifactVersionResolver implements Resolver<ResourceSpec> {

  /** The resolver's name, {@value}. */
  public static final String NAME = "artifact-version";

  /** Its order: before the default of 0. */
  public static final int ORDER = -1000;

  /** A resolver; it keeps no state. */
  public ArtifactVersionResolver() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int order() {
    return ORDER;
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return resource.spec() instanceof ArtifactReferencing a && a.artifactReference() != null;
  }

  @Override
  public Resource<ResourceSpec> resolve(Resource<ResourceSpec> resource, ResourceContext context) {
    ArtifactReferencing spec = (ArtifactReferencing) resource.spec();
    String reference = spec.artifactReference();
    Optional<String> version = context.artifacts().desiredVersion(context.deliveryConfig(), context.environment(), reference);
    if (version.isEmpty()) {
      throw new ResourceCurrentlyUnresolvable("No version of artifact " + reference
          + " is approved for environment " + context.environment() + " yet");
    }
    if (version.get().equals(spec.artifactVersion())) {
      return resource;
    }
    ArtifactReferencing resolved = spec.withArtifactVersion(version.get());
    if (resolved == null || resolved.getClass() != spec.getClass()) {
      throw new IllegalStateException(spec.getClass().getName()
          + ".withArtifactVersion must return a spec of the same class");
    }
    return resource.withSpec((ResourceSpec) resolved);
  }
}
