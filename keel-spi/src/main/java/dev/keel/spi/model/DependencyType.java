package dev.keel.spi.model;

/** What a {@link Dependency} points at. */
public enum DependencyType {
  /** A security group, by name. */
  SECURITY_GROUP,
  /** A load balancer, by name. */
  LOAD_BALANCER,
  /** A target group, by name. */
  TARGET_GROUP,
  /** Any managed resource, by kind and name. */
  GENERIC_RESOURCE
}
