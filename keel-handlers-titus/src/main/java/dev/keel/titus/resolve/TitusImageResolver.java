package dev.keel.titus.resolve;

import dev.keel.spi.KeelContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.Resource;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.spec.ContainerSpec;
import dev.keel.titus.api.spec.ResolvedImage;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusKinds;
import dev.keel.titus.handler.TitusClouds;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Resolves a Titus cluster's container to a digest in the Titus account's registry: for a Docker artifact
 * reference, the tag is the version approved for the environment (the spec's {@code artifactVersion} when
 * the engine already wrote it in, else the artifact view's); for a fixed tag, that tag; for a followed image
 * ({@code tagVersionStrategy}), its newest tag. Every tag sharing the digest is recorded ({@code latest}
 * excepted), so the deployed version is the tag asked for even when several tags name one digest. A fixed
 * digest is left alone. Unresolvable until the tag is pushed.
 */
@Extension
public final class TitusImageResolver implements Resolver<TitusClusterSpec> {

  private final TitusCloud cloud;

  /**
   * A resolver over the context's cloud.
   *
   * @param context the plugin's context
   */
  public TitusImageResolver(KeelContext context) {
    this(TitusClouds.of(context));
  }

  /**
   * A resolver over a cloud.
   *
   * @param cloud the cloud
   */
  public TitusImageResolver(TitusCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return "titus-image";
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return TitusKinds.isCluster(resource.kind()) && resource.spec() instanceof TitusClusterSpec s
        && s.container().digest() == null;
  }

  @Override
  public Resource<TitusClusterSpec> resolve(Resource<TitusClusterSpec> resource, ResourceContext context) {
    TitusClusterSpec spec = resource.spec();
    ContainerSpec container = spec.container();
    String account = spec.locations().account();
    TitusAccount titus = cloud.account(account).orElseThrow(() -> new ResourceCurrentlyUnresolvable(
        "Titus knows no account " + account + ": check locations.account of " + spec.id()));
    String repository;
    String tag;
    List<DockerImage> images;
    if (container.reference() != null) {
      String reference = container.reference();
      tag = spec.artifactVersion() != null ? spec.artifactVersion()
          : context.artifacts().desiredVersion(context.deliveryConfig(), context.environment(), reference)
              .orElseThrow(() -> new ResourceCurrentlyUnresolvable("No version of docker artifact " + reference
                  + " is approved for environment " + context.environment() + " yet"));
      repository = context.artifacts().version(context.deliveryConfig(), reference, tag).map(ArtifactVersion::name)
          .orElse(reference);
      images = cloud.images(titus.registry(), repository);
    } else {
      repository = container.repository();
      images = cloud.images(titus.registry(), repository);
      if (container.tag() != null) {
        tag = container.tag();
      } else {
        tag = images.stream().filter(i -> !"latest".equals(i.tag())).findFirst().map(DockerImage::tag)
            .orElseThrow(() -> new ResourceCurrentlyUnresolvable("No tag of " + repository + " in registry "
                + titus.registry() + " yet"));
      }
    }
    Optional<DockerImage> image = images.stream().filter(i -> i.tag().equals(tag)).findFirst();
    if (image.isEmpty()) {
      throw new ResourceCurrentlyUnresolvable("No digest found for " + repository + ":" + tag + " in registry "
          + titus.registry() + " (is the image pushed?)");
    }
    String digest = image.get().digest();
    List<String> tags = images.stream().filter(i -> i.digest().equals(digest)).map(DockerImage::tag).toList();
    ResolvedImage resolved = new ResolvedImage(repository, digest, tags);
    return resource.withSpec(spec.withImage(resolved, tag));
  }
}
