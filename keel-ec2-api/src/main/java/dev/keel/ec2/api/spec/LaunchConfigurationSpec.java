package dev.keel.ec2.api.spec;

import java.util.List;
import javax.annotation.Nullable;

/**
 * How instances are launched; each omitted field takes the cluster's value, then the built-in default.
 *
 * @param image the machine image, normally filled in by the image resolver
 * @param instanceType the instance type (required after resolution)
 * @param ebsOptimized EBS optimisation, default false
 * @param iamRole the instance profile, default {@code <app>InstanceProfile}
 * @param keyPair the key pair (required after resolution; the key pair resolver fills the account default)
 * @param instanceMonitoring detailed monitoring, default false
 * @param ramdiskId the RAM disk
 * @param instanceMetadataServiceVersion {@code V1} or {@code V2}
 */
public record LaunchConfigurationSpec(@Nullable VirtualMachineImage image, @Nullable String instanceType,
    @Nullable Boolean ebsOptimized, @Nullable String iamRole, @Nullable String keyPair,
    @Nullable Boolean instanceMonitoring, @Nullable String ramdiskId, @Nullable String instanceMetadataServiceVersion) {

  /** Nothing set. */
  public static final LaunchConfigurationSpec EMPTY = new LaunchConfigurationSpec(null, null, null, null, null, null,
      null, null);

  /** Checks the metadata service version. */
  public LaunchConfigurationSpec {
    if (instanceMetadataServiceVersion != null && !List.of("V1", "V2").contains(instanceMetadataServiceVersion)) {
      throw new IllegalArgumentException("Unknown instanceMetadataServiceVersion '" + instanceMetadataServiceVersion
          + "': use V1 or V2");
    }
  }

  /**
   * A copy with an image.
   *
   * @param newImage the image
   * @return the copy
   */
  public LaunchConfigurationSpec withImage(VirtualMachineImage newImage) {
    return new LaunchConfigurationSpec(newImage, instanceType, ebsOptimized, iamRole, keyPair, instanceMonitoring,
        ramdiskId, instanceMetadataServiceVersion);
  }

  /**
   * A copy with a key pair.
   *
   * @param newKeyPair the key pair
   * @return the copy
   */
  public LaunchConfigurationSpec withKeyPair(String newKeyPair) {
    return new LaunchConfigurationSpec(image, instanceType, ebsOptimized, iamRole, newKeyPair, instanceMonitoring,
        ramdiskId, instanceMetadataServiceVersion);
  }
}
