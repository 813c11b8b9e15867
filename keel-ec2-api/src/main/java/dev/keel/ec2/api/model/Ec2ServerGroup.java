package dev.keel.ec2.api.model;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ClusterServerGroup;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.spi.diff.DiffIgnore;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * One region of a cluster as compared: the desired server group, or the active (newest enabled) one.
 * The decision table classifies diffs by the names of these top-level properties.
 *
 * @param name the cluster name in desired state, the server group name in current (not compared)
 * @param location where it runs
 * @param launchConfiguration launch settings
 * @param capacity capacity
 * @param dependencies load balancers, security groups, target groups
 * @param health health settings
 * @param suspendedProcesses suspended auto scaling processes
 * @param scaling scaling policies
 * @param tags tags (without the cloud's own)
 * @param onlyEnabledServerGroup true in desired state; in current, whether exactly one group is enabled
 * @param artifactVersion the version deployed (not compared: the image is)
 */
public record Ec2ServerGroup(@DiffIgnore String name, Location location, LaunchConfiguration launchConfiguration,
    Capacity capacity, ClusterDependencies dependencies, Health health, Set<String> suspendedProcesses,
    Scaling scaling, Map<String, String> tags, boolean onlyEnabledServerGroup,
    @DiffIgnore @Nullable String artifactVersion) implements ClusterServerGroup<Ec2ServerGroup, Scaling> {

  /** The processes a disabled group has suspended, ignored when looking for a rollback target. */
  public static final Set<String> DISABLED_PROCESSES = Set.of("Launch", "AddToLoadBalancer", "Terminate");

  /** Checks for nulls and copies. */
  public Ec2ServerGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(launchConfiguration, "launchConfiguration");
    Objects.requireNonNull(capacity, "capacity");
    suspendedProcesses = java.util.Collections.unmodifiableSet(new TreeSet<>(suspendedProcesses));
    tags = Map.copyOf(tags);
  }

  @Override
  public String image() {
    return launchConfiguration.imageId();
  }

  @Override
  public Ec2ServerGroup asServerGroup(String serverGroupName, boolean onlyEnabled) {
    return as(serverGroupName, onlyEnabled);
  }

  /**
   * A copy with another name and enabled flag.
   *
   * @param newName the name
   * @param onlyEnabled the flag
   * @return the copy
   */
  public Ec2ServerGroup as(String newName, boolean onlyEnabled) {
    return new Ec2ServerGroup(newName, location, launchConfiguration, capacity, dependencies, health, suspendedProcesses,
        scaling, tags, onlyEnabled, artifactVersion);
  }

  /**
   * A copy with other suspended processes.
   *
   * @param processes the processes
   * @return the copy
   */
  public Ec2ServerGroup withSuspendedProcesses(Set<String> processes) {
    return new Ec2ServerGroup(name, location, launchConfiguration, capacity, dependencies, health, processes, scaling, tags,
        onlyEnabledServerGroup, artifactVersion);
  }

  /**
   * A copy with another capacity.
   *
   * @param newCapacity the capacity
   * @return the copy
   */
  @Override
  public Ec2ServerGroup withCapacity(Capacity newCapacity) {
    return new Ec2ServerGroup(name, location, launchConfiguration, newCapacity, dependencies, health, suspendedProcesses,
        scaling, tags, onlyEnabledServerGroup, artifactVersion);
  }

  /**
   * A copy with other scaling policies.
   *
   * @param newScaling the policies
   * @return the copy
   */
  @Override
  public Ec2ServerGroup withScaling(Scaling newScaling) {
    return new Ec2ServerGroup(name, location, launchConfiguration, capacity, dependencies, health, suspendedProcesses,
        newScaling, tags, onlyEnabledServerGroup, artifactVersion);
  }

  /**
   * A copy with other launch settings.
   *
   * @param lc the launch settings
   * @param version the artifact version
   * @return the copy
   */
  public Ec2ServerGroup withLaunchConfiguration(LaunchConfiguration lc, @Nullable String version) {
    return new Ec2ServerGroup(name, location, lc, capacity, dependencies, health, suspendedProcesses, scaling, tags,
        onlyEnabledServerGroup, version);
  }

  /**
   * A copy with other dependencies.
   *
   * @param newDependencies the dependencies
   * @return the copy
   */
  public Ec2ServerGroup withDependencies(ClusterDependencies newDependencies) {
    return new Ec2ServerGroup(name, location, launchConfiguration, capacity, newDependencies, health,
        suspendedProcesses, scaling, tags, onlyEnabledServerGroup, artifactVersion);
  }
}
