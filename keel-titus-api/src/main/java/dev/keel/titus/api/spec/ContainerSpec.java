package dev.keel.titus.api.spec;

import javax.annotation.Nullable;

/**
 * The container a Titus cluster runs, as Keel writes it (told apart by which fields are present):
 * {@code {reference}} names a Docker artifact of the delivery config; {@code {organization, image,
 * tagVersionStrategy}} follows the newest tag of an image (Keel's deprecated versioned-tag provider);
 * {@code {organization, image, digest}} or {@code {organization, image, tag}} pins one image.
 *
 * @param reference a Docker artifact reference, or null
 * @param organization the image's organization, or null with a reference
 * @param image the image's name, or null with a reference
 * @param digest a fixed digest, or null
 * @param tag a fixed tag, or null
 * @param tagVersionStrategy how tags of a followed image sort, or null
 * @param captureGroupRegex a regex extracting the version from tags, or null
 */
public record ContainerSpec(@Nullable String reference, @Nullable String organization, @Nullable String image,
    @Nullable String digest, @Nullable String tag, @Nullable String tagVersionStrategy,
    @Nullable String captureGroupRegex) {

  /** Checks that exactly one way of naming the image is used. */
  public ContainerSpec {
    if (reference != null) {
      if (organization != null || image != null || digest != null || tag != null) {
        throw new IllegalArgumentException("container: give either reference (a docker artifact) or organization,"
            + " image and digest/tag/tagVersionStrategy, not both");
      }
    } else {
      if (organization == null || image == null) {
        throw new IllegalArgumentException("container needs either reference (a docker artifact of the config) or"
            + " organization and image with one of digest, tag or tagVersionStrategy");
      }
      int ways = (digest == null ? 0 : 1) + (tag == null ? 0 : 1) + (tagVersionStrategy == null ? 0 : 1);
      if (ways != 1) {
        throw new IllegalArgumentException("container " + organization + "/" + image + " needs exactly one of digest,"
            + " tag or tagVersionStrategy, got " + ways);
      }
    }
  }

  /**
   * A container naming a Docker artifact.
   *
   * @param reference the artifact reference
   * @return the container
   */
  public static ContainerSpec ofReference(String reference) {
    return new ContainerSpec(reference, null, null, null, null, null, null);
  }

  /**
   * A container pinned to a digest.
   *
   * @param organization the organization
   * @param image the image
   * @param digest the digest
   * @return the container
   */
  public static ContainerSpec ofDigest(String organization, String image, String digest) {
    return new ContainerSpec(null, organization, image, digest, null, null, null);
  }

  /**
   * The registry repository, {@code organization/image}, or null with a reference.
   *
   * @return the repository
   */
  @Nullable
  public String repository() {
    return reference == null ? organization + "/" + image : null;
  }
}
