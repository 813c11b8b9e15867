package dev.keel.titus.api.model;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ClusterServerGroup;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.spi.diff.DiffIgnore;
import dev.keel.titus.api.spec.ConstraintsSpec;
import dev.keel.titus.api.spec.MigrationPolicySpec;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.api.spec.ScalingSpec;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One region of a Titus cluster as compared: the desired job, or the active (newest enabled) one. The
 * decision table classifies diffs by the names of these top-level properties. Unlike Keel, tags and every
 * field of the scaling policies are read back as written, so neither is a permanent diff.
 *
 * @param name the cluster name in desired state, the server group name in current (not compared)
 * @param jobId the Titus job id in current, null in desired (not compared)
 * @param location where it runs
 * @param container the image, by digest
 * @param capacity capacity
 * @param capacityGroup the capacity group
 * @param constraints placement constraints
 * @param dependencies load balancers, security groups, target groups
 * @param entryPoint the entry point
 * @param env environment variables
 * @param containerAttributes container attributes
 * @param migrationPolicy the migration policy
 * @param resources cpu, memory, disk, gpu, network
 * @param tags tags
 * @param scaling scaling policies
 * @param onlyEnabledServerGroup true in desired state; in current, whether exactly one group is enabled
 * @param artifactVersion the version deployed (not compared: the digest is)
 */
public record TitusServerGroup(@DiffIgnore String name, @DiffIgnore @Nullable String jobId, Location location,
    ContainerImage container, Capacity capacity, String capacityGroup, ConstraintsSpec constraints,
    ClusterDependencies dependencies, String entryPoint, Map<String, String> env,
    Map<String, String> containerAttributes, MigrationPolicySpec migrationPolicy, ResourcesSpec resources,
    Map<String, String> tags, ScalingSpec scaling, boolean onlyEnabledServerGroup,
    @DiffIgnore @Nullable String artifactVersion) implements ClusterServerGroup<TitusServerGroup, ScalingSpec> {

  /** Checks for nulls and copies. */
  public TitusServerGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(capacity, "capacity");
    env = Map.copyOf(env);
    containerAttributes = Map.copyOf(containerAttributes);
    tags = Map.copyOf(tags);
  }

  @Override
  public String image() {
    return container.repository() + "@" + container.digest();
  }

  @Override
  public TitusServerGroup asServerGroup(String serverGroupName, boolean onlyEnabled) {
    return as(serverGroupName, jobId, onlyEnabled);
  }

  /** Titus's deploy description names the strategy by its class and leaves hours and pauses out. */
  @Override
  public String describeDeploy(DeployStrategy strategy, @Nullable String source, DeployWave wave) {
    return "Deploy " + image() + (artifactVersion == null ? "" : " (" + artifactVersion + ")") + " to cluster " + name
        + " in " + account() + "/" + region() + " with " + strategy.getClass().getSimpleName()
        + (source == null ? "" : ", cloning " + source) + (wave.after() == null ? "" : ", after " + wave.after());
  }

  /**
   * A copy as a named job.
   *
   * @param newName the server group name
   * @param newJobId the job id
   * @param onlyEnabled whether it is the only enabled group
   * @return the copy
   */
  public TitusServerGroup as(String newName, @Nullable String newJobId, boolean onlyEnabled) {
    return new TitusServerGroup(newName, newJobId, location, container, capacity, capacityGroup, constraints,
        dependencies, entryPoint, env, containerAttributes, migrationPolicy, resources, tags, scaling, onlyEnabled,
        artifactVersion);
  }

  /**
   * A copy with another capacity.
   *
   * @param c the capacity
   * @return the copy
   */
  @Override
  public TitusServerGroup withCapacity(Capacity c) {
    return new TitusServerGroup(name, jobId, location, container, c, capacityGroup, constraints, dependencies,
        entryPoint, env, containerAttributes, migrationPolicy, resources, tags, scaling, onlyEnabledServerGroup,
        artifactVersion);
  }

  /**
   * A copy with other scaling policies.
   *
   * @param s the policies
   * @return the copy
   */
  @Override
  public TitusServerGroup withScaling(ScalingSpec s) {
    return new TitusServerGroup(name, jobId, location, container, capacity, capacityGroup, constraints, dependencies,
        entryPoint, env, containerAttributes, migrationPolicy, resources, tags, s, onlyEnabledServerGroup,
        artifactVersion);
  }

  /**
   * A copy with other dependencies.
   *
   * @param d the dependencies
   * @return the copy
   */
  public TitusServerGroup withDependencies(ClusterDependencies d) {
    return new TitusServerGroup(name, jobId, location, container, capacity, capacityGroup, constraints, d,
        entryPoint, env, containerAttributes, migrationPolicy, resources, tags, scaling, onlyEnabledServerGroup,
        artifactVersion);
  }
}
