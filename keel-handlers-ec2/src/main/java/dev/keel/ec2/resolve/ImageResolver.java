package dev.keel.ec2.resolve;

import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.ec2.api.spec.VirtualMachineImage;
import dev.keel.ec2.bake.Bakeries;
import dev.keel.ec2.bake.Bakery;
import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.spi.KeelContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.Nullable;
import org.pf4j.Extension;

/**
 * Fills each region's image of a cluster that names an artifact: the version the environment should run
 * (the spec's {@code artifactVersion} when the engine already resolved it, else the artifact view's), then
 * per region the AMI of the newest image of that version in the image account (plugin config
 * {@code imageAccount}, default {@code test}). Unresolvable until a version is approved and an image exists
 * in every region. Unlike Keel, an image a region's override already names is kept.
 *
 * <p>For a baked artifact (a Debian artifact with {@code vmOptions}, read from the artifact view, or known to
 * the {@link Bakery} from the {@code bake} constraint when the view knows no configs), the image per region is the newest AMI of the version on the current base image.
 * When the base image changed (and {@code ignoreBaseUpdates} is off) the resolver asks the bakery to re-bake
 * the version and meanwhile keeps the newest AMI on an older base, so the cluster stays as it is until the
 * re-bake finishes and then redeploys, paced like any other actuation of its kind. Asking for the re-bake is
 * the resolver's one side effect (deduplicated by the bake's correlation id), so a dry-run plan can launch
 * it too.
 */
@Extension
public final class ImageResolver implements Resolver<Ec2ClusterSpec> {

  private final Ec2Cloud cloud;
  private final String imageAccount;
  private final @Nullable Bakery bakery;

  /**
   * A resolver over the context's cloud.
   *
   * @param context the plugin's context
   */
  public ImageResolver(KeelContext context) {
    this(Ec2Clouds.of(context), String.valueOf(context.config().getOrDefault("imageAccount", "test")),
        Bakeries.of(context));
  }

  /**
   * A resolver over a cloud.
   *
   * @param cloud the cloud
   * @param imageAccount the account images are looked up in
   */
  public ImageResolver(Ec2Cloud cloud, String imageAccount) {
    this(cloud, imageAccount, null);
  }

  /**
   * A resolver over a cloud that picks baked artifacts' images through a bakery.
   *
   * @param cloud the cloud
   * @param imageAccount the account images are looked up in
   * @param bakery the bakery, or null to treat every artifact as not baked
   */
  public ImageResolver(Ec2Cloud cloud, String imageAccount, @Nullable Bakery bakery) {
    this.cloud = cloud;
    this.imageAccount = imageAccount;
    this.bakery = bakery;
  }

  @Override
  public String name() {
    return "ec2-image";
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return Ec2Kinds.is(resource.kind(), Ec2Kinds.CLUSTER) && resource.spec() instanceof Ec2ClusterSpec c
        && c.artifactReference() != null;
  }

  @Override
  public Resource<Ec2ClusterSpec> resolve(Resource<Ec2ClusterSpec> resource, ResourceContext context) {
    Ec2ClusterSpec spec = resource.spec();
    String reference = spec.artifactReference();
    String version = spec.artifactVersion() != null ? spec.artifactVersion()
        : context.artifacts().desiredVersion(context.deliveryConfig(), context.environment(), reference)
            .orElseThrow(() -> new ResourceCurrentlyUnresolvable("No version of artifact " + reference
                + " is approved for environment " + context.environment() + " yet"));
    Optional<DebianArtifact> baked = bakery == null ? Optional.empty()
        : context.artifacts().artifact(context.deliveryConfig(), reference).filter(Ec2Operation.Bake::bakes)
            .map(DebianArtifact.class::cast).or(() -> bakery.artifact(context.deliveryConfig(), reference));
    String appVersion = Ec2Operation.Bake.appVersion(baked.map(DebianArtifact::name).orElse(reference), version);
    Map<String, Catalog.Image> bakedImages = Map.of();
    if (baked.isPresent()) {
      if (!baked.get().vmOptions().ignoreBaseUpdates()) {
        bakery.ensureBaked(context.application(), baked.get(), version, List.of(resource.id()));
      }
      bakedImages = bakery.images(baked.get(), version, true);
    }
    List<Catalog.Image> images = baked.isPresent() ? List.of() : cloud.findImages(appVersion, imageAccount);
    Map<String, ServerGroupSpec> overrides = new TreeMap<>(spec.overrides());
    Set<String> missing = new TreeSet<>();
    for (String region : spec.locations().regionNames()) {
      ServerGroupSpec o = overrides.getOrDefault(region, ServerGroupSpec.EMPTY);
      LaunchConfigurationSpec lc = o.launchConfiguration() == null ? LaunchConfigurationSpec.EMPTY : o.launchConfiguration();
      if (lc.image() != null) {
        continue;
      }
      var image = baked.isPresent() ? Optional.ofNullable(bakedImages.get(region))
          : images.stream().filter(i -> i.amis().containsKey(region)).findFirst();
      if (image.isEmpty()) {
        missing.add(region);
        continue;
      }
      Catalog.Image i = image.get();
      overrides.put(region, o.withLaunchConfiguration(lc.withImage(
          new VirtualMachineImage(i.amis().get(region), i.appVersion(), i.baseImageName()))));
    }
    if (!missing.isEmpty()) {
      throw new ResourceCurrentlyUnresolvable("No image of " + appVersion + " found in account " + imageAccount
          + " for regions " + missing + " (is it baked yet?)");
    }
    return resource.withSpec(spec.with(spec.defaults(), overrides).withArtifactVersion(version));
  }
}
