package dev.keel.titus.api.spec;

import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Server group settings for every region (flattened at the top of a Titus cluster spec) or one region's
 * override. In an override, capacity, capacity group, constraints, entry point, migration policy, IAM
 * profile and scaling replace the cluster's; resources replace it field by field; dependencies are added;
 * environment, container attributes and tags are merged (the override wins).
 *
 * @param capacity capacity
 * @param capacityGroup the Titus capacity group, the application by default
 * @param constraints placement constraints
 * @param dependencies load balancers, security groups, target groups
 * @param entryPoint the container's entry point, empty by default
 * @param env environment variables
 * @param containerAttributes Titus container attributes
 * @param iamProfile the IAM profile (kept for Keel's configs; Titus deploys use the default role)
 * @param migrationPolicy the migration policy
 * @param resources cpu, memory, disk, gpu, network
 * @param tags tags
 * @param scaling scaling policies
 */
public record TitusServerGroupSpec(@Nullable CapacitySpec capacity, @Nullable String capacityGroup,
    @Nullable ConstraintsSpec constraints, @Nullable ClusterDependencies dependencies, @Nullable String entryPoint,
    @Nullable Map<String, String> env, @Nullable Map<String, String> containerAttributes, @Nullable String iamProfile,
    @Nullable MigrationPolicySpec migrationPolicy, @Nullable ResourcesSpec resources, @Nullable Map<String, String> tags,
    @Nullable ScalingSpec scaling) {

  /** Nothing. */
  public static final TitusServerGroupSpec EMPTY =
      new TitusServerGroupSpec(null, null, null, null, null, null, null, null, null, null, null, null);

  /** Keel's invariant: a desired capacity and scaling policies exclude each other; copies the maps. */
  public TitusServerGroupSpec {
    if (capacity != null && capacity.desired() != null && scaling != null && scaling.hasPolicies()) {
      throw new IllegalArgumentException("capacity.desired and scaling policies are mutually exclusive: remove"
          + " capacity.desired and let the policies decide it");
    }
    env = env == null ? null : Map.copyOf(env);
    containerAttributes = containerAttributes == null ? null : Map.copyOf(containerAttributes);
    tags = tags == null ? null : Map.copyOf(tags);
  }

  /**
   * A copy with other environment variables.
   *
   * @param e the variables
   * @return the copy
   */
  public TitusServerGroupSpec withEnv(@Nullable Map<String, String> e) {
    return new TitusServerGroupSpec(capacity, capacityGroup, constraints, dependencies, entryPoint, e,
        containerAttributes, iamProfile, migrationPolicy, resources, tags, scaling);
  }

  /**
   * A copy with other container attributes.
   *
   * @param a the attributes
   * @return the copy
   */
  public TitusServerGroupSpec withContainerAttributes(@Nullable Map<String, String> a) {
    return new TitusServerGroupSpec(capacity, capacityGroup, constraints, dependencies, entryPoint, env, a, iamProfile,
        migrationPolicy, resources, tags, scaling);
  }
}
