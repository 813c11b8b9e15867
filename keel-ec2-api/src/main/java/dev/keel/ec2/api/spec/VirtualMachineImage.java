package dev.keel.ec2.api.spec;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A machine image in one region.
 *
 * @param id the AMI id
 * @param appVersion the application version baked into it
 * @param baseImageName the base image it was baked on
 */
public record VirtualMachineImage(String id, @Nullable String appVersion, @Nullable String baseImageName) {

  /** Checks the id. */
  public VirtualMachineImage {
    Objects.requireNonNull(id, "image needs an id (an AMI id such as ami-0123)");
  }
}
