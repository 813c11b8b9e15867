package dev.keel.ec2.api.spec;

import dev.keel.spi.model.Dependency;
import dev.keel.spi.model.DependencyType;
import dev.keel.spi.model.Dependent;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * {@code ec2/application-load-balancer@v1.2}. An override replaces the base dependencies, listeners or
 * target groups in its region.
 *
 * @param moniker the name, at most 32 characters
 * @param locations account, subnet purpose, VPC and regions
 * @param internal internal (default) or internet-facing
 * @param dependencies security groups
 * @param idleTimeout the idle timeout, default 60s
 * @param listeners the listeners
 * @param targetGroups the target groups
 * @param overrides per-region replacements
 */
public record ApplicationLoadBalancerSpec(Moniker moniker, @Nullable Locations locations, @Nullable Boolean internal,
    @Nullable LoadBalancerDependencies dependencies, @Nullable Duration idleTimeout, Set<Listener> listeners,
    Set<TargetGroup> targetGroups, Map<String, RegionOverride> overrides) implements Monikered, Locatable, Dependent {

  /** Defaults and Keel's checks. */
  public ApplicationLoadBalancerSpec {
    Objects.requireNonNull(moniker, "An ec2/application-load-balancer needs a moniker");
    if (moniker.toName().length() > 32) {
      throw new IllegalArgumentException("Load balancer name " + moniker.toName() + " is longer than 32 characters");
    }
    internal = internal == null || internal;
    dependencies = dependencies == null ? LoadBalancerDependencies.NONE : dependencies;
    idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
    listeners = listeners == null ? Set.of() : Set.copyOf(listeners);
    targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
    overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
  }

  @Override
  public String id() {
    return (locations == null ? "?" : locations.account()) + ":" + moniker.toName();
  }

  /**
   * A copy with other locations, dependencies and listeners.
   *
   * @param l the locations
   * @param d the dependencies
   * @param ls the listeners
   * @return the copy
   */
  public ApplicationLoadBalancerSpec with(Locations l, LoadBalancerDependencies d, Set<Listener> ls) {
    return new ApplicationLoadBalancerSpec(moniker, l, internal, d, idleTimeout, ls, targetGroups, overrides);
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
   * @param port the port
   * @param protocol {@code HTTP} or {@code HTTPS}
   * @param certificate a certificate name, required for HTTPS
   * @param rules the rules (the implicit default rule is not listed)
   * @param defaultActions the default actions, by order
   */
  public record Listener(int port, String protocol, @Nullable String certificate, Set<Rule> rules,
      List<Action> defaultActions) {
    /** Checks the certificate and orders the actions. */
    public Listener {
      Objects.requireNonNull(protocol, "A listener needs a protocol");
      if (protocol.equalsIgnoreCase("HTTPS") && certificate == null) {
        throw new IllegalArgumentException("The HTTPS listener on port " + port + " needs a certificate name");
      }
      rules = rules == null ? Set.of() : Set.copyOf(rules);
      defaultActions = defaultActions == null ? List.of()
          : defaultActions.stream().sorted(Comparator.comparingInt(Action::order)).toList();
    }

    /**
     * A copy with default actions.
     *
     * @param actions the actions
     * @return the copy
     */
    public Listener withDefaultActions(List<Action> actions) {
      return new Listener(port, protocol, certificate, rules, actions);
    }
  }

  /**
   * A listener rule.
   *
   * @param priority the priority
   * @param conditions the conditions
   * @param actions the actions, by order
   * @param isDefault whether it is the default rule
   */
  public record Rule(String priority, List<Condition> conditions, List<Action> actions, boolean isDefault) {
    /** Copies and orders. */
    public Rule {
      conditions = conditions == null ? List.of() : List.copyOf(conditions);
      actions = actions == null ? List.of() : actions.stream().sorted(Comparator.comparingInt(Action::order)).toList();
    }
  }

  /**
   * A rule condition.
   *
   * @param field such as {@code path-pattern}
   * @param values the values
   */
  public record Condition(String field, List<String> values) {}

  /**
   * An action: {@code forward} (to {@code targetGroupName}), {@code redirect} (with {@code redirectConfig}) or
   * {@code authenticate-oidc} (with {@code authenticateOidcConfig}).
   *
   * @param type the action type
   * @param order its order
   * @param targetGroupName for forward
   * @param redirectConfig for redirect
   * @param authenticateOidcConfig for authenticate-oidc
   */
  public record Action(String type, int order, @Nullable String targetGroupName,
      @Nullable RedirectConfig redirectConfig, @Nullable AuthenticateOidcConfig authenticateOidcConfig) {
    /** Checks that the type has its configuration. */
    public Action {
      Objects.requireNonNull(type, "An action needs a type: forward, redirect or authenticate-oidc");
      switch (type) {
        case "forward" -> require(targetGroupName != null, "A forward action needs targetGroupName");
        case "redirect" -> require(redirectConfig != null, "A redirect action needs redirectConfig");
        case "authenticate-oidc" -> require(authenticateOidcConfig != null,
            "An authenticate-oidc action needs authenticateOidcConfig");
        default -> throw new IllegalArgumentException("Unknown action type '" + type
            + "': use forward, redirect or authenticate-oidc");
      }
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }

    /**
     * A forward action.
     *
     * @param order the order
     * @param targetGroup the target group
     * @return the action
     */
    public static Action forward(int order, String targetGroup) {
      return new Action("forward", order, targetGroup, null, null);
    }
  }

  /**
   * Where a redirect goes.
   *
   * @param protocol the protocol
   * @param host the host
   * @param port the port, or null
   * @param path the path
   * @param query the query, or null
   * @param statusCode {@code HTTP_301} or {@code HTTP_302}
   */
  public record RedirectConfig(String protocol, String host, @Nullable String port, String path, @Nullable String query,
      String statusCode) {}

  /**
   * OIDC authentication.
   *
   * @param issuer the issuer
   * @param authorizationEndpoint the authorization endpoint
   * @param tokenEndpoint the token endpoint
   * @param userInfoEndpoint the user info endpoint
   * @param clientId the client id
   * @param sessionCookieName the session cookie
   * @param scope the scope
   * @param sessionTimeout the session timeout
   * @param authenticationRequestExtraParams extra parameters, or null
   */
  public record AuthenticateOidcConfig(String issuer, String authorizationEndpoint, String tokenEndpoint,
      String userInfoEndpoint, String clientId, String sessionCookieName, String scope, Duration sessionTimeout,
      @Nullable Map<String, String> authenticationRequestExtraParams) {}

  /**
   * A target group, with Keel's defaults.
   *
   * @param name at most 32 characters
   * @param targetType default {@code instance}
   * @param protocol default {@code HTTP}
   * @param port the port
   * @param healthCheckEnabled default true
   * @param healthCheckTimeout default 5s
   * @param healthCheckPort default 7001
   * @param healthCheckProtocol default {@code HTTP}
   * @param healthCheckHttpCode default {@code 200-299}
   * @param healthCheckPath default {@code /healthcheck}
   * @param healthCheckInterval default 10s
   * @param healthyThresholdCount default 10
   * @param unhealthyThresholdCount default 2
   * @param attributes stickiness, deregistration delay, slow start
   */
  public record TargetGroup(String name, @Nullable String targetType, @Nullable String protocol, int port,
      @Nullable Boolean healthCheckEnabled, @Nullable Duration healthCheckTimeout, @Nullable Integer healthCheckPort,
      @Nullable String healthCheckProtocol, @Nullable String healthCheckHttpCode, @Nullable String healthCheckPath,
      @Nullable Duration healthCheckInterval, @Nullable Integer healthyThresholdCount,
      @Nullable Integer unhealthyThresholdCount, @Nullable TargetGroupAttributes attributes) {
    /** Keel's defaults. */
    public TargetGroup {
      Objects.requireNonNull(name, "A target group needs a name");
      if (name.length() > 32) {
        throw new IllegalArgumentException("Target group name " + name + " is longer than 32 characters");
      }
      targetType = targetType == null ? "instance" : targetType;
      protocol = protocol == null ? "HTTP" : protocol;
      healthCheckEnabled = healthCheckEnabled == null || healthCheckEnabled;
      healthCheckTimeout = healthCheckTimeout == null ? Duration.ofSeconds(5) : healthCheckTimeout;
      healthCheckPort = healthCheckPort == null ? 7001 : healthCheckPort;
      healthCheckProtocol = healthCheckProtocol == null ? "HTTP" : healthCheckProtocol;
      healthCheckHttpCode = healthCheckHttpCode == null ? "200-299" : healthCheckHttpCode;
      healthCheckPath = healthCheckPath == null ? "/healthcheck" : healthCheckPath;
      healthCheckInterval = healthCheckInterval == null ? Duration.ofSeconds(10) : healthCheckInterval;
      healthyThresholdCount = healthyThresholdCount == null ? 10 : healthyThresholdCount;
      unhealthyThresholdCount = unhealthyThresholdCount == null ? 2 : unhealthyThresholdCount;
      attributes = attributes == null ? TargetGroupAttributes.DEFAULT : attributes;
    }
  }

  /**
   * Target group attributes, with Keel's defaults.
   *
   * @param stickinessEnabled default false
   * @param deregistrationDelay seconds, default 300
   * @param stickinessType default {@code lb_cookie}
   * @param stickinessDuration seconds, default 86400
   * @param slowStartDurationSeconds default 0
   * @param properties other attributes
   */
  public record TargetGroupAttributes(@Nullable Boolean stickinessEnabled, @Nullable Integer deregistrationDelay,
      @Nullable String stickinessType, @Nullable Integer stickinessDuration, @Nullable Integer slowStartDurationSeconds,
      @Nullable Map<String, String> properties) {
    /** The defaults. */
    public static final TargetGroupAttributes DEFAULT = new TargetGroupAttributes(null, null, null, null, null, null);

    /** Keel's defaults. */
    public TargetGroupAttributes {
      stickinessEnabled = stickinessEnabled != null && stickinessEnabled;
      deregistrationDelay = deregistrationDelay == null ? 300 : deregistrationDelay;
      stickinessType = stickinessType == null ? "lb_cookie" : stickinessType;
      stickinessDuration = stickinessDuration == null ? 86400 : stickinessDuration;
      slowStartDurationSeconds = slowStartDurationSeconds == null ? 0 : slowStartDurationSeconds;
      properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
  }

  /**
   * One region's replacements.
   *
   * @param dependencies replaces the security groups, or null
   * @param listeners replaces the listeners, or null
   * @param targetGroups replaces the target groups, or null
   */
  public record RegionOverride(@Nullable LoadBalancerDependencies dependencies, @Nullable Set<Listener> listeners,
      @Nullable Set<TargetGroup> targetGroups) {}
}
