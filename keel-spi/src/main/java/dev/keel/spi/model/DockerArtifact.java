package dev.keel.spi.model;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.Nullable;

/**
 * A Docker image, {@code organization/image}. Its versions are ordered either by a tag version strategy
 * or, when versions come from a branch or pull request filter, by creation time: exactly one of
 * {@code tagVersionStrategy} and {@code from} is given.
 *
 * @param name the image name, {@code organization/image}
 * @param reference the reference resources use; the name when omitted
 * @param tagVersionStrategy how tags are ordered, or null when {@code from} is given
 * @param captureGroupRegex a regex with one capture group that extracts the version from a tag, or null
 * @param from a branch or pull request filter, or null when {@code tagVersionStrategy} is given
 */
public record DockerArtifact(
    String name,
    String reference,
    @Nullable TagVersionStrategy tagVersionStrategy,
    @Nullable String captureGroupRegex,
    @Nullable ArtifactOriginFilter from) implements DeliveryArtifact {

  /** The type name, {@value}. */
  public static final String TYPE = "docker";

  /** Applies defaults and checks that exactly one ordering is declared. */
  public DockerArtifact {
    Objects.requireNonNull(name, "name");
    reference = reference == null ? name : reference;
    if ((tagVersionStrategy == null) == (from == null)) {
      throw new IllegalArgumentException("Docker artifact " + name
          + " needs exactly one of 'tagVersionStrategy' and 'from'");
    }
    if (captureGroupRegex != null) {
      try {
        if (Pattern.compile(captureGroupRegex).matcher("").groupCount() != 1) {
          throw new IllegalArgumentException(
              "captureGroupRegex '" + captureGroupRegex + "' must have exactly one capture group");
        }
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "Invalid captureGroupRegex '" + captureGroupRegex + "': " + e.getDescription());
      }
    }
  }

  @Override
  public String type() {
    return TYPE;
  }
}
