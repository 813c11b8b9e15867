package dev.keel.titus.verify;

import dev.keel.spi.model.Verification;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Keel's {@code test-container} verification: run a container image as a batch job in an account and region;
 * it passes when the container exits 0.
 *
 * @param image the image, {@code organization/image:tag}
 * @param location where the job runs
 * @param entrypoint the command, or null for the image's
 * @param env environment variables, or null
 * @param application the application the job runs as, or null for the config's
 */
public record TestContainerVerification(String image, Location location, @Nullable String entrypoint,
    @Nullable Map<String, String> env, @Nullable String application) implements Verification {

  /** The verification type. */
  public static final String TYPE = "test-container";

  /** Checks the image and location. */
  public TestContainerVerification {
    Objects.requireNonNull(image, "A test-container verification needs an image, such as acme/widget:stable");
    Objects.requireNonNull(location, "A test-container verification needs a location {account, region}");
    if (!image.contains(":")) {
      throw new IllegalArgumentException("test-container image " + image + " needs a tag: organization/image:tag");
    }
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String id() {
    return TYPE + ":" + image + "@" + location.account() + "/" + location.region();
  }

  /**
   * Where the job runs.
   *
   * @param account the Titus account
   * @param region the region
   */
  public record Location(String account, String region) {
    /** Checks for nulls. */
    public Location {
      Objects.requireNonNull(account, "test-container location needs an account");
      Objects.requireNonNull(region, "test-container location needs a region");
    }
  }
}
