package dev.keel.ec2.resolve;

import dev.keel.ec2.cloud.Catalog;
import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.ec2.spec.ClusterSpec;
import dev.keel.ec2.spec.Ec2Kinds;
import dev.keel.ec2.spec.LaunchConfigurationSpec;
import dev.keel.ec2.spec.ServerGroupSpec;
import dev.keel.ec2.spec.VirtualMachineImage;
import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.Resolver;
import dev.keel.spi.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * Fills each region's image of a cluster that names an artifact: the version the environment should run
 * (the spec's {@code artifactVersion} when the engine already resolved it, else the artifact view's), then
 * per region the AMI of the newest image of that version in the image account (plugin config
 * {@code imageAccount}, default {@code test}). Unresolvable until a version is approved and an image exists
 * in every region. Unlike Keel, an image a region's override already names is kept.
 */
@Extension
public final class ImageResolver implements Resolver<ClusterSpec> {

  private final Ec2Cloud cloud;
  private final String imageAccount;

  /**
   * A resolver over the context's cloud.
   *
   * @param context the plugin's context
   */
  public ImageResolver(KeelContext context) {
    this(Ec2Clouds.of(context), String.valueOf(context.config().getOrDefault("imageAccount", "test")));
  }

  /**
   * A resolver over a cloud.
   *
   * @param cloud the cloud
   * @param imageAccount the account images are looked up in
   */
  public ImageResolver(Ec2Cloud cloud, String imageAccount) {
    this.cloud = cloud;
    this.imageAccount = imageAccount;
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
    return Ec2Kinds.is(resource.kind(), Ec2Kinds.CLUSTER) && resource.spec() instanceof ClusterSpec c
        && c.artifactReference() != null;
  }

  @Override
  public Resource<ClusterSpec> resolve(Resource<ClusterSpec> resource, ResourceContext context) {
    ClusterSpec spec = resource.spec();
    String reference = spec.artifactReference();
    String version = spec.artifactVersion() != null ? spec.artifactVersion()
        : context.artifacts().desiredVersion(context.deliveryConfig(), context.environment(), reference)
            .orElseThrow(() -> new ResourceCurrentlyUnresolvable("No version of artifact " + reference
                + " is approved for environment " + context.environment() + " yet"));
    String appVersion = version.startsWith(reference + "-") ? version : reference + "-" + version;
    List<Catalog.Image> images = cloud.findImages(appVersion, imageAccount);
    Map<String, ServerGroupSpec> overrides = new TreeMap<>(spec.overrides());
    Set<String> missing = new TreeSet<>();
    for (String region : spec.locations().regionNames()) {
      ServerGroupSpec o = overrides.getOrDefault(region, ServerGroupSpec.EMPTY);
      LaunchConfigurationSpec lc = o.launchConfiguration() == null ? LaunchConfigurationSpec.EMPTY : o.launchConfiguration();
      if (lc.image() != null) {
        continue;
      }
      var image = images.stream().filter(i -> i.amis().containsKey(region)).findFirst();
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
