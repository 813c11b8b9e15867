package dev.keel.ec2.api.model;

import dev.keel.spi.diff.DiffIgnore;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Resolved launch settings.
 *
 * @param imageId the AMI id
 * @param appVersion the application version in the image (not compared: the image id is)
 * @param baseImageName the base image (not compared)
 * @param instanceType the instance type
 * @param ebsOptimized EBS optimisation
 * @param iamRole the instance profile (not compared: the cloud may choose another)
 * @param keyPair the key pair
 * @param instanceMonitoring detailed monitoring
 * @param ramdiskId the RAM disk, or null
 * @param requireIMDSv2 whether the instance metadata service requires tokens
 */
public record LaunchConfiguration(String imageId, @DiffIgnore @Nullable String appVersion,
    @DiffIgnore @Nullable String baseImageName, String instanceType, boolean ebsOptimized, @DiffIgnore String iamRole,
    String keyPair, boolean instanceMonitoring, @Nullable String ramdiskId, boolean requireIMDSv2) {

  /** Checks the required fields. */
  public LaunchConfiguration {
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(instanceType, "instanceType");
    Objects.requireNonNull(iamRole, "iamRole");
    Objects.requireNonNull(keyPair, "keyPair");
  }
}
