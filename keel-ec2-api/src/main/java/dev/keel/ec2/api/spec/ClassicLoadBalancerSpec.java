package dev.keel.ec2.api.spec;

import dev.keel.spi.model.Dependency;
import dev.keel.spi.model.DependencyType;
import dev.keel.spi.model.Dependent;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * {@code ec2/classic-load-balancer@v1}. An override replaces the base dependencies, listeners or health
 * check in its region.
 *
 * @param moniker the name, at most 32 characters
 * @param locations account, subnet purpose, VPC and regions
 * @param internal internal (default) or internet-facing
 * @param dependencies security groups
 * @param idleTimeout the idle timeout, default 60s
 * @param listeners the listeners
 * @param healthCheck the health check
 * @param overrides per-region replacements
 */
public record ClassicLoadBalancerSpec(Moniker moniker, @Nullable Locations locations, @Nullable Boolean internal,
    @Nullable LoadBalancerDependencies dependencies, @Nullable Duration idleTimeout, Set<Listener> listeners,
    HealthCheck healthCheck, Map<String, RegionOverride> overrides) implements Monikered, Locatable, Dependent {

  /** Defaults and Keel's name length check. */
  public ClassicLoadBalancerSpec {
    Objects.requireNonNull(moniker, "An ec2/classic-load-balancer needs a moniker");
    if (moniker.toName().length() > 32) {
      throw new IllegalArgumentException("Load balancer name " + moniker.toName() + " is longer than 32 characters");
    }
    Objects.requireNonNull(healthCheck, "An ec2/classic-load-balancer needs a healthCheck (target such as HTTP:7001/health)");
    internal = internal == null || internal;
    dependencies = dependencies == null ? LoadBalancerDependencies.NONE : dependencies;
    idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
    listeners = listeners == null ? Set.of() : Set.copyOf(listeners);
    overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
  }

  @Override
  public String id() {
    return (locations == null ? "?" : locations.account()) + ":" + moniker.toName();
  }

  /**
   * A copy with other locations and dependencies.
   *
   * @param l the locations
   * @param d the dependencies
   * @return the copy
   */
  public ClassicLoadBalancerSpec with(Locations l, LoadBalancerDependencies d) {
    return new ClassicLoadBalancerSpec(moniker, l, internal, d, idleTimeout, listeners, healthCheck, overrides);
  }

  @Override
  public Set<Dependency> dependsOn() {
    Set<Dependency> out = new LinkedHashSet<>();
    if (locations != null) {
      for (String region : locations.regionNames()) {
        RegionOverride o = overrides.get(region);
        LoadBalancerDependencies d = o != null && o.dependencies() != null ? o.dependencies() : dependencies;
        d.securityGroupNames().forEach(n -> out.add(new Dependency(DependencyType.SECURITY_GROUP, region, n, null)));
      }
    }
    return out;
  }

  /**
   * A listener.
   *
   * @param internalProtocol the instance protocol
   * @param internalPort the instance port
   * @param externalProtocol the load balancer protocol
   * @param externalPort the load balancer port
   * @param sslCertificateId the certificate, or null
   */
  public record Listener(String internalProtocol, int internalPort, String externalProtocol, int externalPort,
      @Nullable String sslCertificateId) {}

  /**
   * The health check.
   *
   * @param target such as {@code HTTP:7001/health}
   * @param interval default 10s
   * @param healthyThreshold default 5
   * @param unhealthyThreshold default 2
   * @param timeout default 5s
   */
  public record HealthCheck(String target, @Nullable Duration interval, @Nullable Integer healthyThreshold,
      @Nullable Integer unhealthyThreshold, @Nullable Duration timeout) {
    /** Keel's defaults. */
    public HealthCheck {
      Objects.requireNonNull(target, "healthCheck needs a target such as HTTP:7001/health");
      interval = interval == null ? Duration.ofSeconds(10) : interval;
      healthyThreshold = healthyThreshold == null ? 5 : healthyThreshold;
      unhealthyThreshold = unhealthyThreshold == null ? 2 : unhealthyThreshold;
      timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
  }

  /**
   * One region's replacements.
   *
   * @param dependencies replaces the security groups, or null
   * @param listeners replaces the listeners, or null
   * @param healthCheck replaces the health check, or null
   */
  public record RegionOverride(@Nullable LoadBalancerDependencies dependencies, @Nullable Set<Listener> listeners,
      @Nullable HealthCheck healthCheck) {}
}
