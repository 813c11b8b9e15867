package dev.keel.testkit.spinnaker;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Orca's EC2 security group and load balancer stages ({@code upsertSecurityGroup}, {@code deleteSecurityGroup},
 * {@code upsertLoadBalancer}, {@code deleteLoadBalancer}) read back into the EC2 port's operations. An upsert is a
 * create when the cloud does not have the thing yet.
 */
final class Ec2ResourceStages {

  /** The target group attributes the model names; others are kept as its properties. */
  private static final Set<String> KNOWN_ATTRIBUTES = Set.of("stickinessEnabled", "deregistrationDelay",
      "stickinessType", "stickinessDuration", "slowStartDurationSeconds", "properties");

  private final Ec2Stages ec2;

  Ec2ResourceStages(Ec2Stages ec2) {
    this.ec2 = ec2;
  }

  Optional<CloudOperation> parse(JsonView s) {
    return switch (ServerGroupStages.type(s)) {
      case "upsertSecurityGroup" -> Optional.of(upsertSecurityGroup(s));
      case "deleteSecurityGroup" -> Optional.of(new Ec2Operation.DeleteSecurityGroup(account(s),
          ServerGroupStages.region(s), vpc(s), s.optText("securityGroupName") != null ? s.text("securityGroupName")
              : s.text("name")));
      case "upsertLoadBalancer" -> Optional.of(upsertLoadBalancer(s));
      case "deleteLoadBalancer" -> Optional.of(new Ec2Operation.DeleteLoadBalancer(account(s),
          ServerGroupStages.region(s), s.optText("loadBalancerName") != null ? s.text("loadBalancerName")
              : s.text("name")));
      default -> Optional.empty();
    };
  }

  private static String account(JsonView s) {
    String a = s.optText("credentials");
    if (a == null) {
      a = s.optText("accountName");
    }
    return a != null ? a : s.text("account");
  }

  private String vpc(JsonView s) {
    String vpcId = s.optText("vpcId");
    return vpcId == null ? "vpc0" : ec2.vpcName(account(s), ServerGroupStages.region(s), vpcId);
  }

  // ---- security groups ----------------------------------------------------------------------------------

  private CloudOperation upsertSecurityGroup(JsonView s) {
    String account = account(s);
    String region = ServerGroupStages.region(s);
    String name = s.text("name");
    String vpc = vpc(s);
    Set<SecurityGroupRule> rules = new HashSet<>();
    for (JsonView r : s.array("securityGroupIngress")) {
      String other = r.optText("accountName");
      boolean crossAccount = other != null && !other.equals(account);
      String vpcName = crossAccount && r.has("vpcId") ? ec2.vpcName(other, region, r.text("vpcId")) : null;
      rules.add(new SecurityGroupRule(protocol(r), ports(r), r.text("name"), crossAccount ? other : null, vpcName,
          null, null, null));
    }
    for (JsonView r : s.array("ipIngress")) {
      rules.add(new SecurityGroupRule(protocol(r), ports(r), null, null, null, r.text("cidr"), null, null));
    }
    for (JsonView r : s.array("prefixListIngress")) {
      rules.add(new SecurityGroupRule(protocol(r), ports(r), null, null, null, null, r.text("prefixListId"), null));
    }
    boolean exists = ec2.ec2().securityGroup(account, region, vpc, name).isPresent();
    return new Ec2Operation.UpsertSecurityGroup(new SecurityGroup(name, account, region, vpc,
        s.optText("description"), rules), !exists);
  }

  private static String protocol(JsonView rule) {
    String p = rule.text("type", rule.text("protocol", "tcp"));
    return p.equals("-1") ? "ALL" : p;
  }

  @Nullable
  private static PortRange ports(JsonView rule) {
    Integer start = rule.optInteger("startPort");
    Integer end = rule.optInteger("endPort");
    if (start == null && end == null) {
      return null;
    }
    return new PortRange(start == null ? end : start, end == null ? start : end);
  }

  // ---- load balancers -----------------------------------------------------------------------------------

  private Location location(JsonView s) {
    String account = account(s);
    String region = ServerGroupStages.region(s);
    JsonView zonesByRegion = s.optObject("availabilityZones");
    Set<String> zones = new HashSet<>(zonesByRegion == null ? List.of() : zonesByRegion.strings(region));
    String subnet = s.optText("subnetType");
    String vpc = s.has("vpcId") ? vpc(s) : subnet != null ? ec2.vpcOfPurpose(account, region, subnet) : "vpc0";
    return new Location(account, region, vpc, subnet, zones);
  }

  private CloudOperation upsertLoadBalancer(JsonView s) {
    Location l = location(s);
    String name = s.text("name");
    boolean internal = s.bool("isInternal", true);
    Set<String> securityGroups = new HashSet<>(ec2.securityGroupNames(l.account(), l.region(),
        s.strings("securityGroups")));
    Duration idle = Duration.ofSeconds(s.integer("idleTimeout", 60));
    String type = s.text("loadBalancerType", "classic");
    if (type.equals("application")) {
      Set<ApplicationLoadBalancerSpec.Listener> listeners = new HashSet<>();
      for (JsonView listener : s.array("listeners")) {
        listeners.add(listener(listener, l.account()));
      }
      Set<ApplicationLoadBalancerSpec.TargetGroup> targetGroups = new HashSet<>();
      for (JsonView tg : s.array("targetGroups")) {
        targetGroups.add(targetGroup(tg));
      }
      boolean exists = ec2.ec2().applicationLoadBalancer(l.account(), l.region(), name).isPresent();
      return new Ec2Operation.UpsertApplicationLoadBalancer(new ApplicationLoadBalancer(name, l, internal,
          securityGroups, idle, listeners, targetGroups), !exists);
    }
    Set<ClassicLoadBalancerSpec.Listener> listeners = new HashSet<>();
    for (JsonView listener : s.array("listeners")) {
      listeners.add(new ClassicLoadBalancerSpec.Listener(listener.text("internalProtocol"),
          listener.integer("internalPort"), listener.text("externalProtocol"), listener.integer("externalPort"),
          listener.optText("sslCertificateId")));
    }
    ClassicLoadBalancerSpec.HealthCheck health = new ClassicLoadBalancerSpec.HealthCheck(s.text("healthCheck"),
        seconds(s.optInteger("healthInterval")), s.optInteger("healthyThreshold"), s.optInteger("unhealthyThreshold"),
        seconds(s.optInteger("healthTimeout")));
    boolean exists = ec2.ec2().classicLoadBalancer(l.account(), l.region(), name).isPresent();
    return new Ec2Operation.UpsertClassicLoadBalancer(new ClassicLoadBalancer(name, l, internal, securityGroups,
        listeners, health, idle), !exists);
  }

  private ApplicationLoadBalancerSpec.Listener listener(JsonView l, String account) {
    String certificate = null;
    for (JsonView c : l.array("certificates")) {
      certificate = c.optText("name") != null ? c.text("name") : certificateName(account, c.text("certificateArn"));
    }
    Set<ApplicationLoadBalancerSpec.Rule> rules = new HashSet<>();
    for (JsonView r : l.array("rules")) {
      boolean isDefault = r.bool("isDefault", r.bool("default", false)) || "default".equals(r.optText("priority"));
      if (isDefault) {
        continue;
      }
      List<ApplicationLoadBalancerSpec.Condition> conditions = new ArrayList<>();
      for (JsonView c : r.array("conditions")) {
        conditions.add(new ApplicationLoadBalancerSpec.Condition(c.text("field"), c.strings("values")));
      }
      rules.add(new ApplicationLoadBalancerSpec.Rule(r.text("priority"), conditions, actions(r.array("actions")),
          false));
    }
    return new ApplicationLoadBalancerSpec.Listener(l.integer("port"), l.text("protocol"), certificate, rules,
        actions(l.array("defaultActions")));
  }

  private String certificateName(String account, String arn) {
    Optional<String> known = ec2.ec2() instanceof dev.keel.ec2.api.Ec2Inventory i
        ? i.certificates(account).stream().filter(c -> c.arn().equals(arn)).map(Catalog.Certificate::name).findFirst()
        : Optional.empty();
    return known.orElse(arn.contains("/") ? arn.substring(arn.lastIndexOf('/') + 1) : arn);
  }

  private static List<ApplicationLoadBalancerSpec.Action> actions(List<JsonView> actions) {
    List<ApplicationLoadBalancerSpec.Action> out = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      JsonView a = actions.get(i);
      JsonView redirect = a.optObject("redirectConfig") != null ? a.optObject("redirectConfig")
          : a.optObject("redirectActionConfig");
      JsonView oidc = a.optObject("authenticateOidcConfig") != null ? a.optObject("authenticateOidcConfig")
          : a.optObject("authenticateOidcActionConfig");
      out.add(new ApplicationLoadBalancerSpec.Action(a.text("type"), a.integer("order", i + 1),
          a.optText("targetGroupName"),
          redirect == null ? null : new ApplicationLoadBalancerSpec.RedirectConfig(redirect.text("protocol"),
              redirect.text("host"), redirect.optText("port"), redirect.text("path"), redirect.optText("query"),
              redirect.text("statusCode")),
          oidc == null ? null : new ApplicationLoadBalancerSpec.AuthenticateOidcConfig(oidc.text("issuer"),
              oidc.text("authorizationEndpoint"), oidc.text("tokenEndpoint"), oidc.text("userInfoEndpoint"),
              oidc.text("clientId"), oidc.text("sessionCookieName"), oidc.text("scope"),
              Duration.ofSeconds(oidc.integer("sessionTimeout")),
              oidc.has("authenticationRequestExtraParams") ? oidc.stringMap("authenticationRequestExtraParams")
                  : null)));
    }
    return out;
  }

  private static ApplicationLoadBalancerSpec.TargetGroup targetGroup(JsonView t) {
    JsonView a = t.optObject("attributes");
    ApplicationLoadBalancerSpec.TargetGroupAttributes attributes = null;
    if (a != null) {
      Map<String, String> other = new LinkedHashMap<>(a.stringMap("properties"));
      a.node().fieldNames().forEachRemaining(k -> {
        var v = a.node().get(k);
        if (!KNOWN_ATTRIBUTES.contains(k) && v.isValueNode() && !v.isNull()) {
          other.put(k, v.asText());
        }
      });
      attributes = new ApplicationLoadBalancerSpec.TargetGroupAttributes(a.has("stickinessEnabled")
          ? a.bool("stickinessEnabled", false) : null, a.optInteger("deregistrationDelay"),
          a.optText("stickinessType"), a.optInteger("stickinessDuration"), a.optInteger("slowStartDurationSeconds"),
          other.isEmpty() ? null : other);
    }
    String code = t.optText("healthCheckHttpCode") != null ? t.optText("healthCheckHttpCode")
        : t.optText("healthCheckMatcher");
    JsonView matcher = t.optObject("matcher");
    if (code == null && matcher != null) {
      code = matcher.optText("httpCode");
    }
    return new ApplicationLoadBalancerSpec.TargetGroup(t.text("name"), t.optText("targetType"), t.optText("protocol"),
        t.integer("port"), t.has("healthCheckEnabled") ? t.bool("healthCheckEnabled", true) : null,
        seconds(first(t, "healthCheckTimeout", "healthCheckTimeoutSeconds")), port(t.optText("healthCheckPort")),
        t.optText("healthCheckProtocol"), code, t.optText("healthCheckPath"),
        seconds(first(t, "healthCheckInterval", "healthCheckIntervalSeconds")),
        first(t, "healthyThreshold", "healthyThresholdCount"), first(t, "unhealthyThreshold",
            "unhealthyThresholdCount"), attributes);
  }

  @Nullable
  private static Integer first(JsonView o, String field, String alias) {
    Integer v = o.optInteger(field);
    return v != null ? v : o.optInteger(alias);
  }

  @Nullable
  private static Integer port(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException trafficPort) {
      return null;
    }
  }

  @Nullable
  private static Duration seconds(@Nullable Integer s) {
    return s == null ? null : Duration.ofSeconds(s);
  }
}
