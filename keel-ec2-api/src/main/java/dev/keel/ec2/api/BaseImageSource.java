package dev.keel.ec2.api;

import java.util.Optional;

/**
 * Where an EC2 port that cannot ask its cloud for base images finds the current one of an operating system and
 * label. Spinnaker keeps no catalog of base images: Keel read them from its configuration
 * ({@code keel.plugins.bakery.base-images.<os>.<label>}), which Netflix refreshes while Keel runs. The Spinnaker
 * adapter of the EC2 plugin reads its {@code baseImages} setting by default; a host that keeps the catalog
 * elsewhere (dynamic configuration) registers its own source as a service ({@code KeelEngine.builder()
 * .service(BaseImageSource.class, source)}), and the adapter asks it at every bakery check, so a base image
 * published while Keel runs re-bakes what is baked on the previous one.
 */
@FunctionalInterface
public interface BaseImageSource {

  /**
   * The current base image of an operating system and label.
   *
   * @param os the operating system, such as {@code bionic}
   * @param label the label, such as {@code release}
   * @return the current base image, or empty if none is known
   * @throws Ec2ReadException if the source cannot be read now (the bakery tries again at its next check)
   */
  Optional<Catalog.BaseImage> baseImage(String os, String label);
}
